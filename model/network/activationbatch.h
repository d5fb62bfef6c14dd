#pragma once

#include "activationfunction.h"

/**
 * g and g′ of an activation (its affine map included) at n points, through the catalogue's batch
 * kernel: g(x) = c·f(a·x) + d, g′(x) = c·a·f′(a·x). Allocates nothing. x may not alias f or d1.
 */
void evaluateActivation(const ActivationFunction &phi, const double *x, double *f, double *d1,
                        qsizetype n);

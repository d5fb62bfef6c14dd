<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationCatalogue</name>
    <message>
        <source>f′ = 1 everywhere: stacked linear layers stay one linear map.</source>
        <translation>处处 f′ = 1：多层线性层叠加后仍只是一个线性映射。</translation>
    </message>
    <message>
        <source>f′ = 0 everywhere and undefined at 0: gradient descent cannot move it.</source>
        <translation>处处 f′ = 0，在 0 处导数不存在：梯度下降无法更新参数。</translation>
    </message>
    <message>
        <source>f′ ≤ 0.25, and below 0.01 for |x| &gt; 4.6: saturates on both sides.</source>
        <translation>f′ ≤ 0.25，|x| &gt; 4.6 时低于 0.01：两侧都会饱和。</translation>
    </message>
    <message>
        <source>f′ = 1 at 0 but below 0.01 for |x| &gt; 3: saturates on both sides.</source>
        <translation>在 0 处 f′ = 1，但 |x| &gt; 3 时低于 0.01：两侧都会饱和。</translation>
    </message>
    <message>
        <source>f′ is 1 or 0: no saturation for x &gt; 0, a dead zero gradient for x ≤ 0.</source>
        <translation>f′ 只取 1 或 0：x &gt; 0 时不饱和，x ≤ 0 时梯度为零，神经元“死亡”。</translation>
    </message>
    <message>
        <source>Zero gradient below 0 and above 6: dead on both sides of the linear part.</source>
        <translation>小于 0 和大于 6 时梯度为零：线性段两侧都是“死区”。</translation>
    </message>
    <message>
        <source>The negative side keeps a small gradient, so units cannot die.</source>
        <translation>负半轴保留一个小梯度，神经元不会“死亡”。</translation>
    </message>
    <message>
        <source>slope for x ≤ 0</source>
        <translation>x ≤ 0 时的斜率</translation>
    </message>
    <message>
        <source>Like leaky ReLU with a learned slope: gradient weight for x ≤ 0.</source>
        <translation>类似 Leaky ReLU，但斜率是学习得到的：x ≤ 0 时梯度等于权重 weight。</translation>
    </message>
    <message>
        <source>learned slope for x ≤ 0</source>
        <translation>x ≤ 0 时学习得到的斜率</translation>
    </message>
    <message>
        <source>In evaluation a leaky ReLU with the mean slope; no dead zone unless both are 0.</source>
        <translation>评估模式下相当于取平均斜率的 Leaky ReLU；除非上下界都为 0，否则没有死区。</translation>
    </message>
    <message>
        <source>lower bound of the slope</source>
        <translation>斜率的下界</translation>
    </message>
    <message>
        <source>upper bound of the slope</source>
        <translation>斜率的上界</translation>
    </message>
    <message>
        <source>Smooth negative side whose gradient alpha·eˣ fades below x ≈ −4.6 (alpha = 1).</source>
        <translation>负半轴平滑，梯度 alpha·eˣ 在 x ≈ −4.6 以下逐渐消失（alpha = 1）。</translation>
    </message>
    <message>
        <source>value approached as x → −∞ is −alpha</source>
        <translation>x → −∞ 时趋近的值为 −alpha</translation>
    </message>
    <message>
        <source>Continuously differentiable ELU: the negative-side gradient exp(x/alpha) fades.</source>
        <translation>连续可导的 ELU：负半轴梯度 exp(x/alpha) 逐渐消失。</translation>
    </message>
    <message>
        <source>scale of the negative side</source>
        <translation>负半轴的缩放系数</translation>
    </message>
    <message>
        <source>Self-normalising; the negative-side gradient fades like ELU&apos;s.</source>
        <translation>自归一化；负半轴梯度像 ELU 一样逐渐消失。</translation>
    </message>
    <message>
        <source>Smooth ReLU: f′ dips slightly below 0 near x ≈ −0.75 and fades to 0 for x ≪ 0.</source>
        <translation>平滑的 ReLU：f′ 在 x ≈ −0.75 附近略低于 0，x ≪ 0 时趋于 0。</translation>
    </message>
    <message>
        <source>Smooth ReLU: the negative side&apos;s gradient fades to 0, with a small dip below 0.</source>
        <translation>平滑的 ReLU：负半轴梯度趋于 0，中途略低于 0。</translation>
    </message>
    <message>
        <source>Smooth ReLU like SiLU: gradient near 1 for x &gt; 0, fading to 0 for x ≪ 0.</source>
        <translation>与 SiLU 类似的平滑 ReLU：x &gt; 0 时梯度接近 1，x ≪ 0 时趋于 0。</translation>
    </message>
    <message>
        <source>Smooth ReLU: f′ = σ(beta·x) saturates towards 0 for x ≪ 0.</source>
        <translation>平滑的 ReLU：f′ = σ(beta·x)，x ≪ 0 时饱和趋于 0。</translation>
    </message>
    <message>
        <source>sharpness; → ReLU as beta grows</source>
        <translation>陡峭程度；beta 越大越接近 ReLU</translation>
    </message>
    <message>
        <source>above beta·x &gt; threshold it returns x</source>
        <translation>beta·x &gt; threshold 时直接返回 x</translation>
    </message>
    <message>
        <source>Like tanh but with polynomial tails: f′ falls as 1/x², not exponentially.</source>
        <translation>类似 tanh，但尾部是多项式：f′ 按 1/x² 下降，而不是指数下降。</translation>
    </message>
    <message>
        <source>Exactly zero gradient outside (min_val, max_val): hard saturation.</source>
        <translation>在 (min_val, max_val) 之外梯度恰好为零：硬饱和。</translation>
    </message>
    <message>
        <source>lower clamp</source>
        <translation>截断下界</translation>
    </message>
    <message>
        <source>upper clamp</source>
        <translation>截断上界</translation>
    </message>
    <message>
        <source>Piecewise-linear sigmoid: zero gradient outside (−3, 3).</source>
        <translation>分段线性的 sigmoid：在 (−3, 3) 之外梯度为零。</translation>
    </message>
    <message>
        <source>Zero gradient below −3. PyTorch gives −0.5 at −3 and 1.5 at 3 (the middle branch on the closed interval).</source>
        <translation>小于 −3 时梯度为零。PyTorch 在 −3 处给出 −0.5，在 3 处给出 1.5（中间分支取闭区间）。</translation>
    </message>
    <message>
        <source>Gradient ≈ 1 for x ≪ 0 and saturates to 0 for x ≫ 0.</source>
        <translation>x ≪ 0 时梯度 ≈ 1，x ≫ 0 时饱和趋于 0。</translation>
    </message>
    <message>
        <source>A narrow dip: f′ = tanh² x is tiny around 0 and close to 1 for |x| &gt; 3.</source>
        <translation>一个窄谷：f′ = tanh² x 在 0 附近极小，|x| &gt; 3 时接近 1。</translation>
    </message>
    <message>
        <source>Exactly zero gradient on [−lambd, lambd].</source>
        <translation>在 [−lambd, lambd] 上梯度恰好为零。</translation>
    </message>
    <message>
        <source>half-width of the dead zone</source>
        <translation>死区的半宽</translation>
    </message>
    <message>
        <source>Exactly zero gradient on [−lambd, lambd], and a jump at ±lambd.</source>
        <translation>在 [−lambd, lambd] 上梯度恰好为零，在 ±lambd 处跳变。</translation>
    </message>
    <message>
        <source>Zero gradient at and below the threshold, where it jumps to value.</source>
        <translation>在阈值及以下梯度为零，函数在阈值处跳变为 value。</translation>
    </message>
    <message>
        <source>where the function switches</source>
        <translation>函数切换分支的位置</translation>
    </message>
    <message>
        <source>output at and below threshold</source>
        <translation>阈值及以下时的输出</translation>
    </message>
    <message>
        <source>&apos;none&apos;: exact x·Φ(x); &apos;tanh&apos;: the tanh approximation</source>
        <translation>&apos;none&apos;：精确的 x·Φ(x)；&apos;tanh&apos;：tanh 近似</translation>
    </message>
    <message>
        <source>the target y</source>
        <translation>目标值 y</translation>
    </message>
    <message>
        <source>the target probability y, in [0, 1]</source>
        <translation>目标概率 y，取值在 [0, 1] 内</translation>
    </message>
    <message>
        <source>the target y: −1 or 1</source>
        <translation>目标值 y：−1 或 1</translation>
    </message>
    <message>
        <source>f′ = 2(x − target): large far away, vanishing only at the target.</source>
        <translation>f′ = 2(x − target)：离目标越远越大，只在目标处消失。</translation>
    </message>
    <message>
        <source>|f′| = 1 everywhere except 0 at the target: it never shrinks near the minimum.</source>
        <translation>除目标处为 0 外处处 |f′| = 1：在最小值附近也不会变小。</translation>
    </message>
    <message>
        <source>|f′| = 1 beyond beta from the target, shrinking linearly to 0 inside.</source>
        <translation>与目标的距离超过 beta 时 |f′| = 1，在此范围内线性减小到 0。</translation>
    </message>
    <message>
        <source>half-width of the quadratic part; 0 gives L1</source>
        <translation>二次部分的半宽；取 0 即为 L1</translation>
    </message>
    <message>
        <source>|f′| = delta beyond delta from the target, shrinking linearly to 0 inside.</source>
        <translation>与目标的距离超过 delta 时 |f′| = delta，在此范围内线性减小到 0。</translation>
    </message>
    <message>
        <source>where the quadratic part turns linear</source>
        <translation>二次部分转为线性的位置</translation>
    </message>
    <message>
        <source>Steep near the wrong end: |f′| grows like 1/x, capped by PyTorch at |x − target|·1e12.</source>
        <translation>在错误的一端很陡：|f′| 按 1/x 增长，PyTorch 将其上限截断为 |x − target|·1e12。</translation>
    </message>
    <message>
        <source>f′ tends to a constant when wrong and to 0 when right: no saturation on the wrong side.</source>
        <translation>预测错误时 f′ 趋于常数，预测正确时趋于 0：错误一侧不会饱和。</translation>
    </message>
    <message>
        <source>weight of the positive term</source>
        <translation>正类项的权重</translation>
    </message>
    <message>
        <source>f′ = p₀ − (1 − ε)[target = 0] − ε/k: bounded, vanishing when p₀ matches the smoothed target.</source>
        <translation>f′ = p₀ − (1 − ε)[target = 0] − ε/k：有界，当 p₀ 与平滑后的目标一致时消失。</translation>
    </message>
    <message>
        <source>number of classes k; x is the logit of class 0</source>
        <translation>类别数 k；x 是类别 0 的 logit</translation>
    </message>
    <message>
        <source>the target class, below num_classes</source>
        <translation>目标类别，小于 num_classes</translation>
    </message>
    <message>
        <source>logit of class 1</source>
        <translation>类别 1 的 logit</translation>
    </message>
    <message>
        <source>logit of class 2 (used when num_classes &gt; 2)</source>
        <translation>类别 2 的 logit（num_classes &gt; 2 时使用）</translation>
    </message>
    <message>
        <source>logit of class 3 (used when num_classes &gt; 3)</source>
        <translation>类别 3 的 logit（num_classes &gt; 3 时使用）</translation>
    </message>
    <message>
        <source>logit of class 4 (used when num_classes = 5)</source>
        <translation>类别 4 的 logit（num_classes = 5 时使用）</translation>
    </message>
    <message>
        <source>share ε of the target spread over all classes, in [0, 1]</source>
        <translation>目标中平均分给所有类别的比例 ε，取值在 [0, 1] 内</translation>
    </message>
    <message>
        <source>f′ = −1 for the target class and exactly 0 for every other class.</source>
        <translation>目标类别的 f′ = −1，其他类别的 f′ 恰好为 0。</translation>
    </message>
    <message>
        <source>the target class; 0 is x&apos;s class, 1 another one</source>
        <translation>目标类别；0 表示 x 所属的类别，1 表示另一个类别</translation>
    </message>
    <message>
        <source>Linear in the log-probability x: f′ = −target is constant, 0 where target = 0.</source>
        <translation>关于对数概率 x 是线性的：f′ = −target 为常数，target = 0 时为 0。</translation>
    </message>
    <message>
        <source>the target probability (≥ 0), or its log with log_target</source>
        <translation>目标概率（≥ 0）；若设置 log_target，则为其对数</translation>
    </message>
    <message>
        <source>whether target is given as a log-probability</source>
        <translation>target 是否以对数概率给出</translation>
    </message>
    <message>
        <source>f′ → −target when wrong and fades to 0 once target·x ≫ 0.</source>
        <translation>预测错误时 f′ → −target，一旦 target·x ≫ 0 便逐渐趋于 0。</translation>
    </message>
    <message>
        <source>Target −1: exactly zero gradient once x &gt; margin; target 1: f′ = 1 everywhere.</source>
        <translation>目标为 −1 时：x &gt; margin 后梯度恰好为零；目标为 1 时：处处 f′ = 1。</translation>
    </message>
    <message>
        <source>distance below which a target −1 costs</source>
        <translation>目标为 −1 时，距离小于该值才产生损失</translation>
    </message>
    <message>
        <source>log_input: f′ = eˣ − target grows fast for x ≫ 0 and tends to −target for x ≪ 0.</source>
        <translation>log_input 时：f′ = eˣ − target 在 x ≫ 0 时迅速增大，在 x ≪ 0 时趋于 −target。</translation>
    </message>
    <message>
        <source>the target count (≥ 0)</source>
        <translation>目标计数（≥ 0）</translation>
    </message>
    <message>
        <source>True: x is the log of the rate; False: x is the rate</source>
        <translation>True：x 为速率的对数；False：x 即为速率</translation>
    </message>
    <message>
        <source>add Stirling&apos;s approximation term</source>
        <translation>加上斯特林近似项</translation>
    </message>
    <message>
        <source>added to x inside the log when log_input is False</source>
        <translation>log_input 为 False 时，在对数内加到 x 上的小量</translation>
    </message>
</context>
<context>
    <name>AnimationSweep</name>
    <message>
        <source>the number of frames must be between %1 and %2 (got %3)</source>
        <translation>帧数必须在 %1 到 %2 之间（当前为 %3）</translation>
    </message>
    <message>
        <source>%1: the range must be two finite numbers (got %2 to %3)</source>
        <translation>%1：范围必须是两个有限的数（当前为 %2 到 %3）</translation>
    </message>
    <message>
        <source>epsilon: both ends must be &gt; 0, as epsilon is swept on a log scale (got %1 to %2)</source>
        <translation>epsilon：两端都必须 &gt; 0，因为 epsilon 按对数刻度变化（当前为 %1 到 %2）</translation>
    </message>
    <message>
        <source>cannot animate &apos;%1&apos;: the scene has no %2; valid names: %3</source>
        <translation>无法生成“%1”的动画：场景中没有 %2；有效名称为：%3</translation>
    </message>
    <message>
        <source>cannot animate &apos;%1&apos;: %2 has no number parameter &apos;%3&apos;; valid names: %4</source>
        <translation>无法生成“%1”的动画：%2 没有数值参数“%3”；有效名称为：%4</translation>
    </message>
    <message>
        <source>%1 from %2 to %3: frame %4 (value %5): %6</source>
        <translation>%1 从 %2 到 %3：第 %4 帧（值 %5）：%6</translation>
    </message>
    <message>
        <source>the scene has no function %1</source>
        <translation>场景中没有函数 %1</translation>
    </message>
</context>
<context>
    <name>ChartArea</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The charts, arranged to fit the window; drag a divider to share the room between them differently</source>
        <translation>各图表按窗口大小排列；拖动分隔条可重新分配它们所占的空间</translation>
    </message>
    <message>
        <source>Chart row</source>
        <translation>图表行</translation>
    </message>
    <message>
        <source>Charts side by side, or one above the other when that fits the window better</source>
        <translation>图表并排显示；当窗口更适合时改为上下排列</translation>
    </message>
    <message>
        <source>Chart divider</source>
        <translation>图表分隔条</translation>
    </message>
    <message>
        <source>Drag to give the charts on either side more or less room</source>
        <translation>拖动以增大或减小两侧图表的空间</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Hover to trace the curves; wheel to zoom, drag to pan, double-click to reset the view; ←/→ move the cursor (Shift: faster), +/− zoom.</source>
        <translation>悬停可追踪曲线；滚轮缩放，拖动平移，双击复原视图；←/→ 移动光标（按住 Shift 更快），+/− 缩放。</translation>
    </message>
</context>
<context>
    <name>CustomFunctionDialog</name>
    <message>
        <source>undefined</source>
        <translation>无定义</translation>
    </message>
    <message>
        <source>Add Custom Function</source>
        <translation>添加自定义函数</translation>
    </message>
    <message>
        <source>Add custom function</source>
        <translation>添加自定义函数</translation>
    </message>
    <message>
        <source>Type f as an expression in &lt;i&gt;x&lt;/i&gt;. Functions: every activation by its id (sigmoid, softplus, relu…), exp, log, tanh, sqrt, abs, min, max, pow…; single letters other than x and e are parameters.</source>
        <translation>将 f 写成关于 &lt;i&gt;x&lt;/i&gt; 的表达式。可用函数：按 id 调用的所有激活函数（sigmoid、softplus、relu…），以及 exp、log、tanh、sqrt、abs、min、max、pow…；除 x 和 e 以外的单个字母都是参数。</translation>
    </message>
    <message>
        <source>f(x) =</source>
        <translation>f(x) =</translation>
    </message>
    <message>
        <source>x * sigmoid(1.702 * x)</source>
        <translation>x * sigmoid(1.702 * x)</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>An expression in x, e.g. x * sigmoid(1.702 * x) or a * tanh(b * x).
Operators: + − * / ^ (or **); parentheses; numbers like 1.5 or 1e-3.</source>
        <translation>关于 x 的表达式，例如 x * sigmoid(1.702 * x) 或 a * tanh(b * x)。
运算符：+ − * / ^（或 **）；括号；数字如 1.5 或 1e-3。</translation>
    </message>
    <message>
        <source>Expression status</source>
        <translation>表达式状态</translation>
    </message>
    <message>
        <source>Whether the text is an expression, and if not where it stops being one</source>
        <translation>文本是否为有效的表达式；若不是，从何处开始出错</translation>
    </message>
    <message>
        <source>Error position</source>
        <translation>出错位置</translation>
    </message>
    <message>
        <source>The caret points at the column where the expression stops making sense</source>
        <translation>插入符 ^ 指向表达式开始出错的那一列</translation>
    </message>
    <message>
        <source>Preview of f and its derivative</source>
        <translation>f 及其导数的预览</translation>
    </message>
    <message>
        <source>f(x) and f′(x) at a few points, with every named parameter at 1</source>
        <translation>几个点处的 f(x) 和 f′(x)，所有具名参数取 1</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>GELU, tanh-free approximation</source>
        <translation>GELU 的不含 tanh 的近似</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>Squared error of a sigmoid against a target y</source>
        <translation>sigmoid 输出与目标 y 的平方误差</translation>
    </message>
    <message>
        <source>Scaled tanh with parameters a and b</source>
        <translation>带参数 a 和 b 的缩放 tanh</translation>
    </message>
    <message>
        <source>%1: fill the field with %2</source>
        <translation>%1：在输入框中填入 %2</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>示例：%1</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add the function to the list (enabled once the expression is valid)</source>
        <translation>将该函数添加到列表中（表达式有效后才可用）</translation>
    </message>
    <message>
        <source>the expression could not be added</source>
        <translation>无法添加该表达式</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>f′(x)</source>
        <translation>f′(x)</translation>
    </message>
    <message>
        <source>  (with %1 = 1)</source>
        <translation>  （取 %1 = 1）</translation>
    </message>
    <message>
        <source>f(x) of x alone — exact f′ and f″ by automatic differentiation</source>
        <translation>只含 x 的 f(x)：由自动微分得到精确的 f′ 和 f″</translation>
    </message>
    <message>
        <source>f(x) with parameters %1 — exact f′ and f″ by automatic differentiation</source>
        <translation>带参数 %1 的 f(x)：由自动微分得到精确的 f′ 和 f″</translation>
    </message>
    <message>
        <source>Type an expression in x, or pick an example below.</source>
        <translation>输入关于 x 的表达式，或从下方选择一个示例。</translation>
    </message>
    <message>
        <source>Type a formula in x; it is checked and previewed as you type, and Add puts it in the function list</source>
        <translation>输入关于 x 的公式；输入时即检查并预览，点“添加”即可将其放入函数列表</translation>
    </message>
    <message>
        <source>Close without adding a function</source>
        <translation>关闭且不添加函数</translation>
    </message>
</context>
<context>
    <name>ExportAnimationDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Value to animate</source>
        <translation>要变化的值</translation>
    </message>
    <message>
        <source>A parameter of a visible function, x min, x max or the threshold ε; each frame shows the next value from A to B</source>
        <translation>可见函数的一个参数、x 最小值、x 最大值或阈值 ε；每一帧显示从 A 到 B 的下一个值</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>x min</source>
        <translation>x 最小值</translation>
    </message>
    <message>
        <source>x max</source>
        <translation>x 最大值</translation>
    </message>
    <message>
        <source>Threshold ε (log scale)</source>
        <translation>阈值 ε（对数刻度）</translation>
    </message>
    <message>
        <source>From (A)</source>
        <translation>起始值 (A)</translation>
    </message>
    <message>
        <source>The value the first frame shows</source>
        <translation>第一帧显示的值</translation>
    </message>
    <message>
        <source>To (B)</source>
        <translation>终止值 (B)</translation>
    </message>
    <message>
        <source>The value the last frame of the sweep shows</source>
        <translation>扫描最后一帧显示的值</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>Frames from A to B, both included</source>
        <translation>从 A 到 B 的帧数（含两端）</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>How fast the GIF plays; each frame shows for round(100/fps) hundredths of a second</source>
        <translation>GIF 的播放速度；每帧显示 round(100/fps) 个百分之一秒</translation>
    </message>
    <message>
        <source>Once: A to B, then again from A</source>
        <translation>单程：从 A 到 B，然后从 A 重新开始</translation>
    </message>
    <message>
        <source>Bounce: A to B and back</source>
        <translation>往返：从 A 到 B 再返回</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放方式</translation>
    </message>
    <message>
        <source>The GIF loops forever: once restarts at A, bounce goes back from B to A without showing either end twice</source>
        <translation>GIF 无限循环：单程从 A 重新开始，往返从 B 回到 A，两端都不会连续显示两次</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Width of the GIF in pixels</source>
        <translation>GIF 的宽度（像素）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Height of the GIF in pixels</source>
        <translation>GIF 的高度（像素）</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Where to save the animated GIF</source>
        <translation>动画 GIF 的保存位置</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for a file</source>
        <translation>浏览文件</translation>
    </message>
    <message>
        <source>Choose the file with a file dialog</source>
        <translation>在文件对话框中选择文件</translation>
    </message>
    <message>
        <source>&amp;Animate:</source>
        <translation>动画(&amp;A)：</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>起始(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>终止(&amp;T)：</translation>
    </message>
    <message>
        <source>Fra&amp;mes:</source>
        <translation>帧数(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>&amp;Playback:</source>
        <translation>播放(&amp;P)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Choose a file name ending in .gif (got &apos;%1&apos;).</source>
        <translation>请选择以 .gif 结尾的文件名（当前为“%1”）。</translation>
    </message>
    <message>
        <source>This animation cannot be made: %1</source>
        <translation>无法生成此动画：%1</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>Drawing the frames of %1…</source>
        <translation>正在绘制 %1 的各帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Saves a sweep of one value as an animated GIF: what moves, from where to where, the frames, the speed and the size</source>
        <translation>将某个值的扫描保存为 GIF 动画：变化的量、起止值、帧数、速度和尺寸</translation>
    </message>
    <message>
        <source>Draw the frames and write the GIF</source>
        <translation>绘制各帧并写入 GIF</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>关闭且不导出</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for a file</source>
        <translation>浏览文件</translation>
    </message>
    <message>
        <source>Choose the file with a file dialog</source>
        <translation>在文件对话框中选择文件</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Image width in pixels (before scaling)</source>
        <translation>图像宽度（像素，缩放前）</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Image height in pixels (before scaling)</source>
        <translation>图像高度（像素，缩放前）</translation>
    </message>
    <message>
        <source>1× (standard)</source>
        <translation>1×（标准）</translation>
    </message>
    <message>
        <source>2× (high density: twice the pixels)</source>
        <translation>2×（高分辨率：像素加倍）</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>A 2× image has the same layout with twice the pixels in each direction</source>
        <translation>2× 图像的布局相同，但每个方向的像素数加倍</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高度(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>缩放(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;White background</source>
        <translation>白色背景(&amp;W)</translation>
    </message>
    <message>
        <source>Light colours on white, whatever the theme (for print); otherwise the image looks like the charts on screen</source>
        <translation>无论当前主题如何，都用白底浅色方案（适合打印）；否则图像与屏幕上的图表外观一致</translation>
    </message>
    <message>
        <source>Where to save the image; the suffix .png, .svg or .pdf picks the format</source>
        <translation>图像的保存位置；后缀 .png、.svg 或 .pdf 决定格式</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png, .svg or .pdf (got &apos;%1&apos;).</source>
        <translation>请选择以 .png、.svg 或 .pdf 结尾的文件名（当前为“%1”）。</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG and PDF are drawn in vectors: they stay sharp at any size without a scale</source>
        <translation>SVG 和 PDF 以矢量绘制：无需缩放，在任何尺寸下都保持清晰</translation>
    </message>
    <message>
        <source>Saves the charts as a PNG, SVG or PDF file of the size and look chosen here</source>
        <translation>按此处选择的尺寸和外观将图表保存为 PNG、SVG 或 PDF 文件</translation>
    </message>
    <message>
        <source>Write the charts to the file</source>
        <translation>将图表写入文件</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>关闭且不导出</translation>
    </message>
</context>
<context>
    <name>Expression</name>
    <message>
        <source>number out of range: %1 (at most about 1.8e308)</source>
        <translation>数值超出范围：%1（最大约为 1.8e308）</translation>
    </message>
    <message>
        <source>malformed number</source>
        <translation>数字格式错误</translation>
    </message>
    <message>
        <source>control character %1 is not allowed</source>
        <translation>不允许使用控制字符 %1</translation>
    </message>
    <message>
        <source>invalid character U+FFFD (bytes that are not UTF-8, or an unknown character)</source>
        <translation>无效字符 U+FFFD（不是 UTF-8 编码的字节，或未知字符）</translation>
    </message>
    <message>
        <source>invalid character %1 (a lone UTF-16 surrogate)</source>
        <translation>无效字符 %1（孤立的 UTF-16 代理项）</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos; (%2)</source>
        <translation>意外的字符 &apos;%1&apos;（%2）</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>多余的 &apos;)&apos;：没有与之匹配的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>unexpected &apos;,&apos; outside a function&apos;s arguments</source>
        <translation>函数参数之外出现了意外的 &apos;,&apos;</translation>
    </message>
    <message>
        <source>expected an operator (+ - * / ^) or the end, found %1 (write 2*x for a product)</source>
        <translation>此处应为运算符（+ - * / ^）或表达式结尾，却遇到了%1（乘法请写成 2*x）</translation>
    </message>
    <message>
        <source>unexpected %1 after the end of the expression</source>
        <translation>表达式结束之后出现了意外的%1</translation>
    </message>
    <message>
        <source>the end of the expression</source>
        <translation>表达式结尾</translation>
    </message>
    <message>
        <source>the expression is too large (more than %1 numbers, names and operations)</source>
        <translation>表达式过大（数字、名称和运算超过 %1 个）</translation>
    </message>
    <message>
        <source>nested too deeply (more than %1 levels)</source>
        <translation>嵌套过深（超过 %1 层）</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;(&apos; at column %1, found %2</source>
        <translation>此处应有 &apos;)&apos; 与第 %1 列的 &apos;(&apos; 配对，却遇到了%2</translation>
    </message>
    <message>
        <source>empty expression: type a function of x, e.g. x * sigmoid(x)</source>
        <translation>表达式为空：请输入关于 x 的函数，例如 x * sigmoid(x)</translation>
    </message>
    <message>
        <source>unexpected end of the expression: expected a number, x, a parameter, a function or &apos;(&apos;</source>
        <translation>表达式意外结束：此处应为数字、x、参数、函数或 &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected a number, x, a parameter, a function or &apos;(&apos;, found %1</source>
        <translation>此处应为数字、x、参数、函数或 &apos;(&apos;，却遇到了%1</translation>
    </message>
    <message>
        <source>too many parameters: &apos;%1&apos; would be the %2th; at most %3 single-letter parameters (%4 so far)</source>
        <translation>参数过多：&apos;%1&apos; 将是第 %2 个参数；单字母参数最多 %3 个（已有 %4）</translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after the function name %1, found %2</source>
        <translation>函数名 %1 之后应为 &apos;(&apos;，却遇到了%2</translation>
    </message>
    <message>
        <source>unknown name &apos;%1&apos;: use x, pi, e, a single-letter parameter (a, b, c…) or a function call</source>
        <translation>未知名称 &apos;%1&apos;：请使用 x、pi、e、单字母参数（a、b、c…）或函数调用</translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos;; functions: %2; activations: %3</source>
        <translation>未知函数 &apos;%1&apos;。可用函数：%2；激活函数：%3</translation>
    </message>
    <message>
        <source>%1 takes %2, not none</source>
        <translation>%1 需要 %2，但没有给出任何参数</translation>
    </message>
    <message>
        <source>argument %1 of %2 sets its parameter %3 and must not depend on x</source>
        <translation>%2 的第 %1 个参数给出其参数 %3 的值，不能依赖于 x</translation>
    </message>
    <message>
        <source>%1 takes %2, not %3</source>
        <translation>%1 需要 %2，但只给出了 %3 个</translation>
    </message>
    <message>
        <source>%1 takes %2, not more</source>
        <translation>%1 需要 %2，给出的参数过多</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; after the argument of %1, found %2</source>
        <translation>%1 的参数之后应为 &apos;)&apos;，却遇到了%2</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;)&apos; after argument %1 of %2, found %3</source>
        <translation>%2 的第 %1 个参数之后应为 &apos;,&apos; 或 &apos;)&apos;，却遇到了%3</translation>
    </message>
    <message>
        <source>1 argument</source>
        <translation>1 个参数</translation>
    </message>
    <message>
        <source>%1 arguments</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <source>%1 to %2 arguments</source>
        <translation>%1 到 %2 个参数</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>the expression is too long: %1 characters, at most %2</source>
        <translation>表达式过长：%1 个字符，最多 %2 个</translation>
    </message>
</context>
<context>
    <name>FormulaPanel</name>
    <message>
        <source>on the whole range</source>
        <translation>在整个区间上</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>在 %1 时</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>The selected function and its derivative as formulas, and where its gradient saturates or dies</source>
        <translation>所选函数及其导数的公式，以及梯度在何处饱和或消失</translation>
    </message>
    <message>
        <source>Selected function</source>
        <translation>所选函数</translation>
    </message>
    <message>
        <source>The function selected in the list, with the PyTorch call it follows</source>
        <translation>列表中选中的函数及其对应的 PyTorch 调用</translation>
    </message>
    <message>
        <source>Function and derivative</source>
        <translation>函数与导数</translation>
    </message>
    <message>
        <source>f(x) as PyTorch defines it and its derivative f′(x), which backpropagation multiplies into every gradient</source>
        <translation>PyTorch 定义的 f(x) 及其导数 f′(x)；反向传播时每个梯度都要乘上它</translation>
    </message>
    <message>
        <source>Symbols, parameters and kinks</source>
        <translation>符号、参数与折点</translation>
    </message>
    <message>
        <source>What the symbols mean, the parameter values in use, and the value PyTorch&apos;s autograd gives f′ where f has a kink</source>
        <translation>各符号的含义、当前参数值，以及在 f 的折点处 PyTorch 自动求导给出的 f′ 值</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Where the gradient vanishes</source>
        <translation>梯度在何处消失</translation>
    </message>
    <message>
        <source>Where this function&apos;s gradient vanishes or saturates, in general</source>
        <translation>该函数的梯度一般在何处消失或饱和</translation>
    </message>
    <message>
        <source>Saturation on the range</source>
        <translation>当前区间上的饱和情况</translation>
    </message>
    <message>
        <source>Computed for the current x range and ε: where |f′| &lt; ε the update θ′ = θ − η·f′ barely moves θ, and where f′ = 0 not at all</source>
        <translation>按当前 x 区间和 ε 计算：|f′| &lt; ε 处，更新 θ′ = θ − η·f′ 几乎不改变 θ；f′ = 0 处则完全不变</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <translation>&lt; %1 %</translation>
    </message>
    <message>
        <source>nothing can be learned</source>
        <translation>什么也学不到</translation>
    </message>
    <message>
        <source>a dead region</source>
        <translation>一个死区</translation>
    </message>
    <message>
        <source>dead regions</source>
        <translation>多个死区</translation>
    </message>
    <message>
        <source>%1 = 0 exactly %2 (%3 of the range): %4</source>
        <translation>%2%1 恰好为 0（占区间的 %3）：%4</translation>
    </message>
    <message>
        <source>%1 &amp;lt; ε %2 (%3 of the range)</source>
        <translation>%2%1 &amp;lt; ε（占区间的 %3）</translation>
    </message>
    <message>
        <source>%1 ≥ ε on the whole range</source>
        <translation>在整个区间上 %1 ≥ ε</translation>
    </message>
    <message>
        <source>largest %1 at %2</source>
        <translation>最大值 %1 位于 %2</translation>
    </message>
    <message>
        <source>largest %1 %2</source>
        <translation>%2取最大值 %1</translation>
    </message>
    <message>
        <source>With ε = %1 on [%2, %3]: %4.</source>
        <translation>ε = %1，区间 [%2, %3]：%4。</translation>
    </message>
    <message>
        <source>No function selected</source>
        <translation>未选择函数</translation>
    </message>
    <message>
        <source>f(x) = %1; f′(x) = %2</source>
        <translation>f(x) = %1；f′(x) = %2</translation>
    </message>
    <message>
        <source>Points of interest</source>
        <translation>特征点</translation>
    </message>
    <message>
        <source>Zeros, minima, maxima, inflections, peaks of |f′| and kinks of the selected function inside the x range, computed to 12 significant digits</source>
        <translation>所选函数在 x 范围内的零点、极小值、极大值、拐点、|f′| 的峰值与折点，计算精确到 12 位有效数字</translation>
    </message>
    <message>
        <source>Computed, not read off the plot: where f, f′ or f″ changes sign inside the x range, the local maxima of |f′|, and the kinks with the value PyTorch gives f′ there. At most 20 of each kind.</source>
        <translation>由计算得出，而非从图上读取：x 范围内 f、f′ 或 f″ 变号之处，|f′| 的局部极大值，以及各折点及 PyTorch 在该处给出的 f′ 值。每种最多 20 个。</translation>
    </message>
    <message>
        <source>None inside (%1, %2).</source>
        <translation>(%1, %2) 内没有特征点。</translation>
    </message>
</context>
<context>
    <name>FunctionListPanel</name>
    <message>
        <source>%1 — %2</source>
        <extracomment>A completer entry: the PyTorch id, then the display name</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Function list</source>
        <translation>函数列表</translation>
    </message>
    <message>
        <source>Add a function…</source>
        <translation>添加函数…</translation>
    </message>
    <message>
        <source>Type part of a function&apos;s id or name, e.g. &quot;leaky&quot; or &quot;Swish&quot;, then press Enter or pick it from the list</source>
        <translation>输入函数 id 或名称的一部分，例如 “leaky” 或 “Swish”，然后按回车或从列表中选择</translation>
    </message>
    <message>
        <source>Function to add</source>
        <translation>要添加的函数</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add the function named in the search field</source>
        <translation>添加搜索框中指定的函数</translation>
    </message>
    <message>
        <source>The functions on the charts: the checkbox shows or hides a curve</source>
        <translation>图表上的函数：复选框用于显示或隐藏曲线</translation>
    </message>
    <message>
        <source>Functions in the scene</source>
        <translation>场景中的函数</translation>
    </message>
    <message>
        <source>Function list message</source>
        <translation>函数列表提示</translation>
    </message>
    <message>
        <source>Why the last action was refused</source>
        <translation>上一次操作被拒绝的原因</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected function (Delete)</source>
        <translation>移除所选函数（Delete）</translation>
    </message>
    <message>
        <source>Re&amp;set to defaults</source>
        <translation>恢复默认值(&amp;S)</translation>
    </message>
    <message>
        <source>Set the selected function&apos;s parameters back to PyTorch&apos;s defaults</source>
        <translation>将所选函数的参数恢复为 PyTorch 默认值</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the selected function&apos;s colour</source>
        <translation>选择所选函数的颜色</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected function up the list</source>
        <translation>将所选函数在列表中上移</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected function down the list</source>
        <translation>将所选函数在列表中下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>There is no scene to add a function to.</source>
        <translation>没有可以添加函数的场景。</translation>
    </message>
    <message>
        <source>Type a function&apos;s id or name to add it.</source>
        <translation>输入函数的 id 或名称来添加它。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several functions: %2. Pick one from the list.</source>
        <translation>“%1”匹配多个函数：%2。请从列表中选择一个。</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <source>C&amp;ustom…</source>
        <translation>自定义(&amp;U)…</translation>
    </message>
    <message>
        <source>Add a function of your own, written in x, e.g. x * sigmoid(1.702 * x)</source>
        <translation>添加自己编写的关于 x 的函数，例如 x * sigmoid(1.702 * x)</translation>
    </message>
    <message>
        <source>Add a loss…</source>
        <translation>添加损失函数…</translation>
    </message>
    <message>
        <source>Add functions by name, show or hide them, and choose their colours and order</source>
        <translation>按名称添加函数，显示或隐藏它们，并选择其颜色和顺序</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <source>cannot start the GIF</source>
        <translation>无法开始写入 GIF</translation>
    </message>
    <message>
        <source>cannot make the GIF&apos;s colour table</source>
        <translation>无法生成 GIF 的颜色表</translation>
    </message>
    <message>
        <source>cannot write the GIF&apos;s header</source>
        <translation>无法写入 GIF 的文件头</translation>
    </message>
    <message>
        <source>cannot write the GIF&apos;s loop extension</source>
        <translation>无法写入 GIF 的循环扩展</translation>
    </message>
    <message>
        <source>cannot write frame %1</source>
        <translation>无法写入第 %1 帧</translation>
    </message>
    <message>
        <source>a GIF must be between 1×1 and 65535×65535 pixels (got %1×%2)</source>
        <translation>GIF 的尺寸必须在 1×1 到 65535×65535 像素之间（当前为 %1×%2）</translation>
    </message>
    <message>
        <source>the GIF&apos;s palette has no colours</source>
        <translation>GIF 的调色板中没有颜色</translation>
    </message>
    <message>
        <source>frame %1 is %2×%3 pixels; the GIF is %4×%5</source>
        <translation>第 %1 帧为 %2×%3 像素；GIF 为 %4×%5</translation>
    </message>
    <message>
        <source>the GIF has no frames</source>
        <translation>GIF 中没有帧</translation>
    </message>
    <message>
        <source>cannot finish the GIF</source>
        <translation>无法完成 GIF</translation>
    </message>
</context>
<context>
    <name>GradientDescentPanel</name>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The activation f of the neuron ŷ = f(θ·x)</source>
        <translation>神经元 ŷ = f(θ·x) 的激活函数 f</translation>
    </message>
    <message>
        <source>Starting θ</source>
        <translation>初始 θ</translation>
    </message>
    <message>
        <source>θ₀, where the descent starts</source>
        <translation>θ₀，梯度下降的起点</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>η in θ′ = θ − η·∂L/∂θ</source>
        <translation>θ′ = θ − η·∂L/∂θ 中的 η</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>y, the output the neuron should learn</source>
        <translation>y，神经元应当学会的输出</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>x, the fixed input of the neuron</source>
        <translation>x，神经元的固定输入</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation>播放时每秒的步数</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Take steps one after another</source>
        <translation>一步接一步地连续迭代</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop taking steps</source>
        <translation>停止迭代</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Take one step θ′ = θ − η·∂L/∂θ</source>
        <translation>走一步 θ′ = θ − η·∂L/∂θ</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to θ₀</source>
        <translation>回到 θ₀</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前步</translation>
    </message>
    <message>
        <source>The step k, θ_k, the gradient ∂L/∂θ and the loss L at θ_k</source>
        <translation>第 k 步、θ_k、θ_k 处的梯度 ∂L/∂θ 和损失 L</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <source>Loss L(θ) = ½(f(θ·x) − y)² and the descent</source>
        <translation>损失 L(θ) = ½(f(θ·x) − y)² 与梯度下降过程</translation>
    </message>
    <message>
        <source>θ</source>
        <translation>θ</translation>
    </message>
    <message>
        <source>L(θ)</source>
        <translation>L(θ)</translation>
    </message>
    <message>
        <source>θ_k</source>
        <translation>θ_k</translation>
    </message>
    <message>
        <source>current θ</source>
        <translation>当前 θ</translation>
    </message>
    <message>
        <source>Loss curve with the descent</source>
        <translation>带有下降过程的损失曲线</translation>
    </message>
    <message>
        <source>The loss over θ, with the iterates θ_k drawn on it</source>
        <translation>损失随 θ 变化的曲线，并在其上画出各次迭代 θ_k</translation>
    </message>
    <message>
        <source>Start θ₀</source>
        <translation>初始 θ₀</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>No run: the setup was refused.</source>
        <translation>未运行：设置被拒绝。</translation>
    </message>
    <message>
        <source>Stopped after %1 steps, the most a run takes.</source>
        <translation>已在 %1 步后停止，这是一次运行的最大步数。</translation>
    </message>
    <message>
        <source>Stopped: θ diverged (θ_%1 = %2). Try a smaller η.</source>
        <translation>已停止：θ 发散了（θ_%1 = %2）。请尝试更小的 η。</translation>
    </message>
    <message>
        <source>∂L/∂θ is exactly 0: θ cannot move any more.</source>
        <translation>∂L/∂θ 恰好为 0：θ 再也无法移动。</translation>
    </message>
    <message>
        <source>θ is no longer finite: the descent diverged. Try a smaller η.</source>
        <translation>θ 已不再是有限值：梯度下降发散了。请尝试更小的 η。</translation>
    </message>
    <message>
        <source>k = %1    θ = %2    ∂L/∂θ = %3    L = %4</source>
        <translation>k = %1    θ = %2    ∂L/∂θ = %3    L = %4</translation>
    </message>
    <message>
        <source>One neuron learning by θ′ = θ − η·∂L/∂θ: play, pause, step or reset the descent and watch θ on its loss curve</source>
        <translation>单个神经元按 θ′ = θ − η·∂L/∂θ 学习：播放、暂停、单步或重置下降过程，并在损失曲线上观察 θ</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language menu</source>
        <translation>语言菜单</translation>
    </message>
</context>
<context>
    <name>LayerChainPanel</name>
    <message>
        <source>Through the layers</source>
        <translation>逐层传递</translation>
    </message>
    <message>
        <source>N, the number of layers in the chain y = f(w·…f(w·x))</source>
        <translation>N，链 y = f(w·…f(w·x)) 中的层数</translation>
    </message>
    <message>
        <source>Number of layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>w, the weight every layer multiplies its input by</source>
        <translation>w，每一层与其输入相乘的权重</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>x, the input to the first layer</source>
        <translation>x，第一层的输入</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Check the activations to compare</source>
        <translation>勾选要比较的激活函数</translation>
    </message>
    <message>
        <source>Activations to compare</source>
        <translation>要比较的激活函数</translation>
    </message>
    <message>
        <source>Remarks on the curves</source>
        <translation>关于曲线的说明</translation>
    </message>
    <message>
        <source>|∂y/∂x| through N layers</source>
        <translation>经过 N 层后的 |∂y/∂x|</translation>
    </message>
    <message>
        <source>Depth N</source>
        <translation>深度 N</translation>
    </message>
    <message>
        <source>|∂y/∂x| (log scale)</source>
        <translation>|∂y/∂x|（对数刻度）</translation>
    </message>
    <message>
        <source>0.25^N</source>
        <translation>0.25^N</translation>
    </message>
    <message>
        <source>Gradient against depth chart</source>
        <translation>梯度随深度变化图</translation>
    </message>
    <message>
        <source>log10 of |∂y/∂x| after each layer; a curve ends where the gradient is exactly 0</source>
        <translation>每一层之后 |∂y/∂x| 的 log10；梯度恰好为 0 处曲线终止</translation>
    </message>
    <message>
        <source>Layers N</source>
        <translation>层数 N</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The gradient is exactly 0 from some depth on for: %1.</source>
        <translation>从某一深度起梯度恰好为 0 的激活函数：%1。</translation>
    </message>
    <message>
        <source>How |∂y/∂x| changes through a chain of N layers of each chosen activation, against 0.25^N</source>
        <translation>所选各激活函数经过 N 层链式传递后 |∂y/∂x| 的变化，并与 0.25^N 对比</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一课(&amp;P)</translation>
    </message>
    <message>
        <source>Open the previous lesson</source>
        <translation>打开上一课</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>上一课</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>下一课(&amp;N) ▶</translation>
    </message>
    <message>
        <source>Open the next lesson</source>
        <translation>打开下一课</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>下一课</translation>
    </message>
    <message>
        <source>All lessons, in teaching order; choosing one loads its scene</source>
        <translation>按教学顺序排列的全部课程；选择一课即载入其场景</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Choose a lesson…</source>
        <translation>选择课程…</translation>
    </message>
    <message>
        <source>The lesson&apos;s title</source>
        <translation>课程标题</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>课程标题</translation>
    </message>
    <message>
        <source>What the lesson&apos;s scene shows</source>
        <translation>本课场景展示的内容</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程正文</translation>
    </message>
    <message>
        <source>No lesson open</source>
        <translation>未打开课程</translation>
    </message>
    <message>
        <source>Choose a lesson above, or press Next to start with the first one. Each lesson loads a scene from the tutorial and explains what it shows.</source>
        <translation>在上方选择一课，或按“下一课”从第一课开始。每一课都会载入教程中的一个场景，并解释它展示了什么。</translation>
    </message>
    <message>
        <source>The current lesson of the tutorial, with the previous and the next one</source>
        <translation>教程中的当前课程，以及上一课和下一课</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>1. Why the step function cannot learn</source>
        <translation>1. 为什么阶跃函数无法学习</translation>
    </message>
    <message>
        <source>The perceptron fires when its weighted sum is positive: f(x) = 1 if x &gt; 0, else 0. Its gradient is 0 everywhere, and at 0 it has none at all: the curve jumps. Gradient descent updates θ′ = θ − η·f′ = θ, so nothing moves. The whole range is one “zero” band, which is why single-layer perceptrons were trained by heuristic search instead.</source>
        <translation>感知机在加权和为正时激活：x &gt; 0 时 f(x) = 1，否则为 0。它的梯度处处为 0，在 0 处则根本不存在导数：曲线在那里跳变。梯度下降的更新为 θ′ = θ − η·f′ = θ，参数纹丝不动。整个区间都是一条“零梯度”带，这正是单层感知机只能用启发式搜索来训练的原因。</translation>
    </message>
    <message>
        <source>2. Sigmoid saturates</source>
        <translation>2. Sigmoid 的饱和</translation>
    </message>
    <message>
        <source>σ(x) = 1/(1 + e⁻ˣ) squeezes every input into (0, 1). Its gradient σ′ = σ(1 − σ) is at most 0.25, at x = 0, and falls below ε = 0.01 beyond |x| ≈ 4.6. Over torch.linspace(−100, 100, 10), as in the tutorial, almost the whole range is saturated: there θ′ = θ − η·σ′ ≈ θ, the vanishing gradient. (The tutorial says sigmoid(100) is close to 0; it is close to 1.) The Values tab shows the tensor torch prints.</source>
        <translation>σ(x) = 1/(1 + e⁻ˣ) 把任何输入都压缩到 (0, 1) 之间。它的梯度 σ′ = σ(1 − σ) 最大只有 0.25（在 x = 0 处），|x| ≈ 4.6 以外就低于 ε = 0.01。与教程一样取 torch.linspace(−100, 100, 10)，几乎整个区间都处于饱和区：那里 θ′ = θ − η·σ′ ≈ θ，这就是梯度消失（梯度离散）。（教程说 sigmoid(100) 接近 0，实际上它接近 1。）“数值”标签页显示 torch 打印出的张量。</translation>
    </message>
    <message>
        <source>3. tanh is a rescaled sigmoid</source>
        <translation>3. tanh 是缩放后的 sigmoid</translation>
    </message>
    <message>
        <source>tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = 2σ(2x) − 1. The two curves coincide: the same range (−1, 1) and the same gradient 1 − tanh² x, which peaks at 1, four times sigmoid&apos;s 0.25, but still saturates beyond |x| ≈ 3. tanh is common in recurrent networks.</source>
        <translation>tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = 2σ(2x) − 1。两条曲线完全重合：值域同为 (−1, 1)，梯度同为 1 − tanh² x，峰值为 1，是 sigmoid 的 0.25 的四倍，但在 |x| ≈ 3 以外仍会饱和。tanh 在循环神经网络（RNN）中很常用。</translation>
    </message>
    <message>
        <source>4. ReLU: gradient 1 or 0</source>
        <translation>4. ReLU：梯度为 1 或 0</translation>
    </message>
    <message>
        <source>relu(x) = max(0, x). For x &gt; 0 the gradient is exactly 1, so it neither shrinks nor explodes through many layers. For x ≤ 0 it is exactly 0, a “zero” band: a unit whose input stays negative is dead and stops learning. PyTorch uses relu′(0) = 0; the tutorial says 1.</source>
        <translation>relu(x) = max(0, x)。x &gt; 0 时梯度恰好为 1，经过多层传播既不会缩小也不会爆炸。x ≤ 0 时梯度恰好为 0，是一条“零梯度”带：输入一直为负的神经元就“死”了，不再学习。PyTorch 取 relu′(0) = 0，教程中说是 1。</translation>
    </message>
    <message>
        <source>5. Smooth ReLUs</source>
        <translation>5. 平滑的 ReLU</translation>
    </message>
    <message>
        <source>gelu, silu (swish), mish, softplus and elu keep ReLU&apos;s straight right side but bend smoothly through 0, so the gradient exists everywhere. On the left their gradient fades towards 0 instead of dropping to it: saturated rather than dead. gelu, silu and mish even dip slightly below 0 there.</source>
        <translation>gelu、silu（swish）、mish、softplus 和 elu 保留了 ReLU 右侧的直线，但在 0 附近平滑过渡，因此处处可导。在左侧，它们的梯度逐渐趋于 0，而不是突然降为 0：是饱和而不是死亡。gelu、silu 和 mish 在那里甚至略低于 0。</translation>
    </message>
    <message>
        <source>6. Hard approximations against the smooth originals</source>
        <translation>6. 硬近似与平滑原函数的对比</translation>
    </message>
    <message>
        <source>hardsigmoid, hardswish and hardtanh replace sigmoid, silu and tanh by straight pieces, which are cheaper on phones. Compare each pair: the hard versions have a gradient that is exactly 0 outside a window (a “zero” band), where the smooth originals only saturate.</source>
        <translation>hardsigmoid、hardswish 和 hardtanh 用分段直线代替 sigmoid、silu 和 tanh，在手机上计算更省。逐对比较：硬版本在一个窗口之外梯度恰好为 0（“零梯度”带），而平滑的原函数在那里只是饱和。</translation>
    </message>
    <message>
        <source>7. MSE after sigmoid vs BCE with logits</source>
        <translation>7. sigmoid 之后的 MSE 与基于 logit 的 BCE</translation>
    </message>
    <message>
        <source>A classifier outputs a logit x; σ(x) is its probability and the target is y = 1. MSE on the probability, (σ(x) − y)², has the gradient 2(σ − y)·σ′ in x: sigmoid&apos;s saturation comes with it. Look at the f′ chart: left of x ≈ −5.3 there is a saturated band, although there the prediction is completely wrong (f′(−8) ≈ −0.0007). binary_cross_entropy_with_logits has the gradient σ − y, which stays near −1 on the left: the worse the prediction, the stronger the push. On the right, where the prediction is right, both fade, as they should. This is why classifiers are trained on logits with BCE, not with MSE.</source>
        <translation>分类器输出一个 logit x；σ(x) 是它给出的概率，目标为 y = 1。对概率取 MSE，即 (σ(x) − y)²，它关于 x 的梯度为 2(σ − y)·σ′：sigmoid 的饱和也随之而来。看 f′ 图表：x ≈ −5.3 左侧有一条饱和带，尽管那里的预测完全错误（f′(−8) ≈ −0.0007）。binary_cross_entropy_with_logits 的梯度为 σ − y，在左侧始终接近 −1：预测越错，推动越强。在右侧预测正确的地方，两者都逐渐趋于 0，这正是应有的表现。这就是分类器要在 logit 上用 BCE 训练、而不用 MSE 的原因。</translation>
    </message>
    <message>
        <source>8. A deep network at initialization</source>
        <translation>8. 初始化时的深层网络</translation>
    </message>
    <message>
        <source>Stack L layers hˡ⁺¹ = W·φ(hˡ) + b, weights drawn with variance σ_w²/N and biases with σ_b². For relu E[relu(h)²] = q/2, so each layer multiplies the variance q by σ_w²/2. PyTorch&apos;s default nn.Linear draws its weights from U(±1/√N): σ_w² = 1/3, and q shrinks by 1/6 a layer (6⁻¹⁰ ≈ 1.7·10⁻⁸ after ten layers) until its default bias, of variance 1/(3N), holds it near q* = 2/(5N); the gradients shrink by the same 1/6 a layer (χ₁ = 1/6). Kaiming&apos;s σ_w² = 2 keeps q and the gradients as they are (χ₁ = 1). tanh has an edge of chaos instead: at σ_b² = 0.05 the critical σ_w² is about 1.76; below it gradients vanish with depth (ordered), above it they explode (chaotic). Open Demonstrations → Deep Network at Initialization with relu selected, try the PyTorch default and Kaiming presets, then select tanh and set σ_b² = 0.05.</source>
        <translation>堆叠 L 层 hˡ⁺¹ = W·φ(hˡ) + b，权重的方差为 σ_w²/N，偏置的方差为 σ_b²。对 relu 有 E[relu(h)²] = q/2，所以每一层把方差 q 乘以 σ_w²/2。PyTorch 默认的 nn.Linear 从 U(±1/√N) 中抽取权重：σ_w² = 1/3，于是 q 每层缩小为 1/6（十层之后为 6⁻¹⁰ ≈ 1.7·10⁻⁸），直到它默认的偏置（方差 1/(3N)）把 q 维持在 q* = 2/(5N) 附近；梯度也同样每层缩小为 1/6（χ₁ = 1/6）。Kaiming 的 σ_w² = 2 让 q 和梯度保持不变（χ₁ = 1）。tanh 则有一条混沌边缘：在 σ_b² = 0.05 时临界 σ_w² 约为 1.76；低于它梯度随深度消失（有序），高于它梯度爆炸（混沌）。选中 relu 后打开“演示 → 初始化时的深层网络”，试试 PyTorch 默认和 Kaiming 预设，再选中 tanh 并设 σ_b² = 0.05。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Activation Explorer</source>
        <translation>激活函数探索器</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Do you want to replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Trace read-out</source>
        <translation>追踪读数</translation>
    </message>
    <message>
        <source>Values under the cursor: hover a chart or use the arrow keys</source>
        <translation>光标处的数值：将鼠标悬停在图表上或使用方向键</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Functions panel</source>
        <translation>函数面板</translation>
    </message>
    <message>
        <source>Range and threshold</source>
        <translation>区间与阈值</translation>
    </message>
    <message>
        <source>Range and threshold panel</source>
        <translation>区间与阈值面板</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>Saturation panel</source>
        <translation>饱和面板</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Values panel</source>
        <translation>数值面板</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Formula panel</source>
        <translation>公式面板</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson panel</source>
        <translation>课程面板</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Data (CSV)…</source>
        <translation>数据 (CSV)(&amp;D)…</translation>
    </message>
    <message>
        <source>Save x, f, f′ and f″ of every function as CSV</source>
        <translation>将每个函数的 x、f、f′ 和 f″ 保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Report (JSON)…</source>
        <translation>报告 (JSON)(&amp;R)…</translation>
    </message>
    <message>
        <source>Save the saturation analysis as JSON</source>
        <translation>将饱和分析保存为 JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the charts to the clipboard as an image</source>
        <translation>将图表作为图像复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Activation Explorer</source>
        <translation>退出激活函数探索器</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show f″ Chart</source>
        <translation>显示 f″ 图表</translation>
    </message>
    <message>
        <source>Add a chart of the second derivative f″</source>
        <translation>添加二阶导数 f″ 的图表</translation>
    </message>
    <message>
        <source>&amp;Overlay f and f′</source>
        <translation>叠加 f 与 f′(&amp;O)</translation>
    </message>
    <message>
        <source>Draw f and f′ on one chart</source>
        <translation>在同一图表中绘制 f 和 f′</translation>
    </message>
    <message>
        <source>&amp;Stack Charts</source>
        <translation>上下排列图表(&amp;S)</translation>
    </message>
    <message>
        <source>Put the charts above each other instead of side by side</source>
        <translation>将图表上下排列，而不是左右并排</translation>
    </message>
    <message>
        <source>Saturation &amp;Bands</source>
        <translation>饱和带(&amp;B)</translation>
    </message>
    <message>
        <source>Shade where |f′| &lt; ε on the charts</source>
        <translation>在图表上给 |f′| &lt; ε 的区域加阴影</translation>
    </message>
    <message>
        <source>Bands for &amp;All Functions</source>
        <translation>所有函数的饱和带(&amp;A)</translation>
    </message>
    <message>
        <source>Shade the bands of every function over the whole plot, not only those of the current function</source>
        <translation>在整个图上为每个函数的饱和带加阴影，而不只是当前函数</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>复原视图(&amp;R)</translation>
    </message>
    <message>
        <source>Back to x from −6 to 6 with automatic y ranges</source>
        <translation>恢复为 x 从 −6 到 6，y 区间自动</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Fill the screen with the window</source>
        <translation>让窗口占满整个屏幕</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Start Page…</source>
        <translation>开始页(&amp;S)…</translation>
    </message>
    <message>
        <source>The welcome page with every lesson</source>
        <translation>包含所有课程的欢迎页</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Activation Explorer</source>
        <translation>关于激活函数探索器(&amp;A)</translation>
    </message>
    <message>
        <source>Version and purpose of Activation Explorer</source>
        <translation>激活函数探索器的版本与用途</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Version and licence of the Qt libraries</source>
        <translation>Qt 库的版本与许可证</translation>
    </message>
    <message>
        <source> menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Main menu</source>
        <translation>主菜单</translation>
    </message>
    <message>
        <source>Cannot export to %1: unknown file type &apos;%2&apos;. Use .png, .svg, .csv or .json.</source>
        <translation>无法导出到 %1：未知的文件类型“%2”。请使用 .png、.svg、.csv 或 .json。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Copied the charts (%1 × %2 pixels)</source>
        <translation>已复制图表（%1 × %2 像素）</translation>
    </message>
    <message>
        <source>Hover a chart to read f(x) and f′(x); arrow keys move the cursor.</source>
        <translation>将鼠标悬停在图表上可读取 f(x) 和 f′(x)；方向键可移动光标。</translation>
    </message>
    <message>
        <source>%1: f = %2, f′ = %3</source>
        <translation>%1：f = %2，f′ = %3</translation>
    </message>
    <message>
        <source>There is no lesson &apos;%1&apos;.</source>
        <translation>没有课程“%1”。</translation>
    </message>
    <message>
        <source>The lesson could not be loaded: %1</source>
        <translation>无法载入课程：%1</translation>
    </message>
    <message>
        <source>Welcome to Activation Explorer</source>
        <translation>欢迎使用激活函数探索器</translation>
    </message>
    <message>
        <source>About Activation Explorer</source>
        <translation>关于激活函数探索器</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Activation Explorer %1&lt;/h3&gt;&lt;p&gt;Activation functions as PyTorch defines them, their derivatives, and where their gradients vanish.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;激活函数探索器 %1&lt;/h3&gt;&lt;p&gt;按 PyTorch 的定义展示激活函数、它们的导数，以及梯度在何处消失。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;White Background for Images</source>
        <translation>图像使用白色背景(&amp;W)</translation>
    </message>
    <message>
        <source>Export and copy images in the light look, whatever the theme (for print)</source>
        <translation>无论当前主题如何，导出和复制的图像都使用浅色外观（适合打印）</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large text, thick lines and high contrast, for a projector; F11 or Esc leaves it</source>
        <translation>全屏、大字号、粗线条、高对比度，适合投影仪；按 F11 或 Esc 退出</translation>
    </message>
    <message>
        <source>Leave Presentation Mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Back to the normal window</source>
        <translation>回到普通窗口</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, the charts too</source>
        <translation>深色背景上的浅色文字，图表也一样</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session: functions, parameters, range, ε and lesson</source>
        <translation>打开已保存的会话：函数、参数、区间、ε 和课程</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open Recent menu</source>
        <translation>最近打开菜单</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the scene to its session file</source>
        <translation>将场景保存到其会话文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the scene to a new session file</source>
        <translation>将场景保存到新的会话文件</translation>
    </message>
    <message>
        <source>&amp;Demonstrations</source>
        <translation>演示(&amp;D)</translation>
    </message>
    <message>
        <source>Through the &amp;Layers…</source>
        <translation>逐层传递(&amp;L)…</translation>
    </message>
    <message>
        <source>How |∂y/∂x| shrinks or survives through a chain of N layers</source>
        <translation>|∂y/∂x| 经过 N 层链式传递后如何衰减或保持</translation>
    </message>
    <message>
        <source>&amp;Gradient Descent…</source>
        <translation>梯度下降(&amp;G)…</translation>
    </message>
    <message>
        <source>One neuron learning one parameter, step by step, on its loss curve</source>
        <translation>一个神经元在其损失曲线上逐步学习一个参数</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>打开失败</translation>
    </message>
    <message>
        <source>It has been removed from the recent files.</source>
        <translation>已将其从最近打开的文件中移除。</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Sessions (*.json)</source>
        <translation>会话 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the recent files</source>
        <translation>清除最近打开的文件记录</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Activation functions f(x) and their gradients (Alt+1)</source>
        <translation>激活函数 f(x) 及其梯度（Alt+1）</translation>
    </message>
    <message>
        <source>Losses L(x) of one prediction or logit x, and ∂L/∂x (Alt+2)</source>
        <translation>单个预测值或 logit x 的损失 L(x) 及 ∂L/∂x（Alt+2）</translation>
    </message>
    <message>
        <source>Activations or losses</source>
        <translation>激活函数或损失函数</translation>
    </message>
    <message>
        <source>Scene as opened</source>
        <translation>打开时的场景</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>Click a step to return the scene to it</source>
        <translation>点击某一步，将场景恢复到该步</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>History panel</source>
        <translation>历史记录面板</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change to the scene</source>
        <translation>撤销对场景的上一次更改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change last undone</source>
        <translation>重做上一次撤销的更改</translation>
    </message>
    <message>
        <source>&amp;Activations</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <source>Plot activation functions and their gradients</source>
        <translation>绘制激活函数及其梯度</translation>
    </message>
    <message>
        <source>&amp;Losses</source>
        <translation>损失函数(&amp;L)</translation>
    </message>
    <message>
        <source>Plot losses against the prediction or logit, and their gradients</source>
        <translation>以预测值或 logit 为自变量绘制损失函数及其梯度</translation>
    </message>
    <message>
        <source>&amp;Softmax and its Jacobian…</source>
        <translation>Softmax 及其雅可比矩阵(&amp;S)…</translation>
    </message>
    <message>
        <source>How the probabilities of k classes move with one logit, and ∂s/∂z as a heat map</source>
        <translation>k 个类别的概率如何随一个 logit 变化，并以热力图显示 ∂s/∂z</translation>
    </message>
    <message>
        <source>Presentation &amp;Controls</source>
        <translation>演示控制栏(&amp;C)</translation>
    </message>
    <message>
        <source>In presentation mode, show or hide the strip with the selected function&apos;s sliders, the x range and ε</source>
        <translation>在演示模式下显示或隐藏控制栏：所选函数的滑块、x 范围和 ε</translation>
    </message>
    <message>
        <source>Presentation controls</source>
        <translation>演示控制栏</translation>
    </message>
    <message>
        <source>The selected function&apos;s parameters, the x range and ε; F9 hides them</source>
        <translation>所选函数的参数、x 范围和 ε；按 F9 隐藏</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>保存更改？</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved.</source>
        <translation>对 %1 的更改尚未保存。</translation>
    </message>
    <message>
        <source>Opening another file replaces this scene, and Undo cannot bring it back.</source>
        <translation>打开另一个文件会替换当前场景，且无法撤销。</translation>
    </message>
    <message>
        <source>Deep &amp;Network at Initialization…</source>
        <translation>初始化时的深层网络(&amp;N)…</translation>
    </message>
    <message>
        <source>How the variance and the gradients of a deep network of the selected activation grow or vanish with depth, and where order turns into chaos</source>
        <translation>由所选激活函数构成的深层网络，其方差和梯度如何随深度增长或消失，以及有序在何处变为混沌</translation>
    </message>
    <message>
        <source>&amp;Image (PNG, SVG, PDF)…</source>
        <translation>图像 (PNG, SVG, PDF)(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the charts as a PNG or SVG image or a PDF page</source>
        <translation>将图表保存为 PNG 或 SVG 图像，或一页 PDF</translation>
    </message>
    <message>
        <source>&amp;Animation (GIF)…</source>
        <translation>动画 (GIF)(&amp;A)…</translation>
    </message>
    <message>
        <source>Save an animated GIF of one parameter, x min, x max or ε swept from one value to another</source>
        <translation>保存一个参数、x 最小值、x 最大值或 ε 从一个值变到另一个值的 GIF 动画</translation>
    </message>
    <message>
        <source>&amp;Points of Interest</source>
        <translation>特征点(&amp;P)</translation>
    </message>
    <message>
        <source>Mark zeros, minima, maxima, inflections and kinks on the f chart, gradient peaks and kinks on the f′ chart; hover or click a marker for its coordinates</source>
        <translation>在 f 图上标出零点、极小值、极大值、拐点和折点，在 f′ 图上标出梯度峰值和折点；悬停或点击标记可查看其坐标</translation>
    </message>
    <message>
        <source>Activation functions and losses with their gradients, and where the gradient vanishes</source>
        <translation>激活函数与损失函数及其梯度，以及梯度消失的位置</translation>
    </message>
    <message>
        <source>Messages, and f and f′ at the x under the pointer or the keyboard cursor</source>
        <translation>消息，以及指针或键盘光标所在 x 处的 f 和 f′</translation>
    </message>
    <message>
        <source>Resize the window</source>
        <translation>调整窗口大小</translation>
    </message>
    <message>
        <source>Drag to make the window larger or smaller</source>
        <translation>拖动以放大或缩小窗口</translation>
    </message>
    <message>
        <source>File, Edit, View, Lessons, Demonstrations and Help</source>
        <translation>文件、编辑、视图、课程、演示和帮助</translation>
    </message>
    <message>
        <source>The functions on the charts, and the parameters of the selected one</source>
        <translation>图表上的函数，以及所选函数的参数</translation>
    </message>
    <message>
        <source>The charts&apos; x range, their y ranges and the saturation threshold ε</source>
        <translation>图表的 x 区间、y 区间和饱和阈值 ε</translation>
    </message>
    <message>
        <source>Where each function&apos;s gradient is zero or below ε, interval by interval</source>
        <translation>逐个区间列出每个函数梯度为零或低于 ε 的位置</translation>
    </message>
    <message>
        <source>f, f′ and f″ of the visible functions at chosen x, to read or copy</source>
        <translation>可见函数在所选 x 处的 f、f′ 和 f″，可读取或复制</translation>
    </message>
    <message>
        <source>The selected function&apos;s formulas, its kinks and its points of interest</source>
        <translation>所选函数的公式、折点和特征点</translation>
    </message>
    <message>
        <source>The text of the open lesson</source>
        <translation>当前打开课程的文本</translation>
    </message>
    <message>
        <source>Every change to the scene, oldest first; select a step to return the scene to it</source>
        <translation>场景的每一次更改，最早的在前；选择某一步即可将场景恢复到该状态</translation>
    </message>
    <message>
        <source>Every change to the scene, to go back to any of them</source>
        <translation>场景的每一次更改，可回到其中任意一步</translation>
    </message>
</context>
<context>
    <name>MathFormulas</name>
    <message>
        <source>if %1</source>
        <translation>若 %1</translation>
    </message>
    <message>
        <source>otherwise</source>
        <translation>其他情况</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>无定义</translation>
    </message>
    <message>
        <source>where %1 is the logistic sigmoid</source>
        <translation>其中 %1 为 logistic sigmoid 函数</translation>
    </message>
    <message>
        <source>log is the natural logarithm</source>
        <translation>log 为自然对数</translation>
    </message>
    <message>
        <source>where %1, sech = 1/cosh and %2</source>
        <translation>其中 %1，sech = 1/cosh，且 %2</translation>
    </message>
    <message>
        <source>where %1 and %2 (PyTorch&apos;s approximate=&apos;tanh&apos;)</source>
        <translation>其中 %1，%2（即 PyTorch 的 approximate=&apos;tanh&apos;）</translation>
    </message>
    <message>
        <source>where %1 is the standard normal distribution function and %2 its density</source>
        <translation>其中 %1 为标准正态分布函数，%2 为其概率密度</translation>
    </message>
    <message>
        <source>where %1 and %2 are fixed constants</source>
        <translation>其中 %1 和 %2 为固定常数</translation>
    </message>
    <message>
        <source>in evaluation (training=False) the negative slope is the mean of %1 and %2</source>
        <translation>评估模式（training=False）下，负半轴斜率取 %1 与 %2 的平均值</translation>
    </message>
    <message>
        <source>%1 jumps from 0 to 1 at %2, so %3 does not exist there (data exports write nan).</source>
        <translation>%1 在 %2 处从 0 跳变到 1，因此该处 %3 不存在（数据导出写为 nan）。</translation>
    </message>
    <message>
        <source>%1 in PyTorch.</source>
        <translation>PyTorch 中 %1。</translation>
    </message>
    <message>
        <source>%1 and %2 in PyTorch.</source>
        <translation>PyTorch 中 %1，%2。</translation>
    </message>
    <message>
        <source>%1 in PyTorch (the branch for %2).</source>
        <translation>PyTorch 中 %1（取 %2 的分支）。</translation>
    </message>
    <message>
        <source>%1 in PyTorch: both branches have slope 1 there, so %2 is continuous.</source>
        <translation>PyTorch 中 %1：两个分支在该处斜率都为 1，因此 %2 连续。</translation>
    </message>
    <message>
        <source>At %1 PyTorch switches to %2: %3 only where %4 (strictly).</source>
        <translation>在 %1 时 PyTorch 切换为 %2：只有在 %4（严格）时才 %3。</translation>
    </message>
    <message>
        <source>%1: %2 is continuous at 0, only %3 jumps there.</source>
        <translation>%1：%2 在 0 处连续，只有 %3 在该处跳变。</translation>
    </message>
    <message>
        <source>%1 and %2 in PyTorch: the middle branch holds on the closed interval [%3, 3]. PyTorch has debated this (PR #148049 proposes 0 and 1); the explorer follows PyTorch 1.13.</source>
        <translation>PyTorch 中 %1，%2：中间分支在闭区间 [%3, 3] 上成立。PyTorch 对此有过讨论（PR #148049 提议取 0 和 1）；本程序遵循 PyTorch 1.13。</translation>
    </message>
    <message>
        <source>%1 jumps at %2; %3 in PyTorch.</source>
        <translation>%1 在 %2 处跳变；PyTorch 中 %3。</translation>
    </message>
    <message>
        <source>%1 with %2; by the chain rule %3</source>
        <translation>%1，其中 %2；由链式法则 %3</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>%1 exactly on (%2, 3). PyTorch 1.13&apos;s backward multiplies by the float32 constant 0.16666667163…; the explorer keeps 1/6.</source>
        <translation>在 (%2, 3) 上精确为 %1。PyTorch 1.13 的反向传播乘以 float32 常数 0.16666667163…；本程序保留精确的 1/6。</translation>
    </message>
    <message>
        <source>%1 exactly. PyTorch 1.13&apos;s backward divides by %2 rounded to float32 (%3), so its %4 is off by about |%5|·%6 relative for %7; the explorer keeps the exact value.</source>
        <translation>精确为 %1。PyTorch 1.13 的反向传播除以舍入为 float32 的 %2（%3），因此在 %7 时其 %4 的相对误差约为 |%5|·%6；本程序保留精确值。</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Deep network at initialization</source>
        <translation>初始化时的深层网络</translation>
    </message>
    <message>
        <source>A deep fully connected network of the selected activation at initialization: theory and simulation of its variance and gradients through the layers, histograms of its pre-activations, and the phase diagram of order and chaos</source>
        <translation>由所选激活函数构成、处于初始化状态的深层全连接网络：方差与梯度逐层变化的理论与模拟、预激活值的直方图，以及有序与混沌的相图</translation>
    </message>
    <message>
        <source>Weight variance σ_w²</source>
        <translation>权重方差 σ_w²</translation>
    </message>
    <message>
        <source>σ_w², the variance of every weight times the layer&apos;s width N: W_ij ~ N(0, σ_w²/N)</source>
        <translation>σ_w²，即每个权重的方差乘以该层宽度 N：W_ij ~ N(0, σ_w²/N)</translation>
    </message>
    <message>
        <source>σ_w²: weights are drawn from N(0, σ_w²/N)</source>
        <translation>σ_w²：权重从 N(0, σ_w²/N) 中抽取</translation>
    </message>
    <message>
        <source>Bias variance σ_b²</source>
        <translation>偏置方差 σ_b²</translation>
    </message>
    <message>
        <source>σ_b², the variance of every bias: b_i ~ N(0, σ_b²)</source>
        <translation>σ_b²，即每个偏置的方差：b_i ~ N(0, σ_b²)</translation>
    </message>
    <message>
        <source>σ_b²: biases are drawn from N(0, σ_b²)</source>
        <translation>σ_b²：偏置从 N(0, σ_b²) 中抽取</translation>
    </message>
    <message>
        <source>Depth L</source>
        <translation>深度 L</translation>
    </message>
    <message>
        <source>L, the number of layers, from 1 to %1</source>
        <translation>L，层数，从 1 到 %1</translation>
    </message>
    <message>
        <source>L, the number of layers</source>
        <translation>L，层数</translation>
    </message>
    <message>
        <source>Width N</source>
        <translation>宽度 N</translation>
    </message>
    <message>
        <source>N, the units of every layer, from %1 to %2; the theory is the limit of large N, the simulation uses N</source>
        <translation>N，每层的单元数，从 %1 到 %2；理论是 N 很大时的极限，模拟使用 N</translation>
    </message>
    <message>
        <source>N, the units of every layer (the simulation&apos;s width)</source>
        <translation>N，每层的单元数（模拟的宽度）</translation>
    </message>
    <message>
        <source>PyTorch default</source>
        <translation>PyTorch 默认</translation>
    </message>
    <message>
        <source>nn.Linear&apos;s own initialisation (reset_parameters): weights and biases U(±1/√N), so σ_w² = 1/3 and σ_b² = 1/(3N), which follows the width</source>
        <translation>nn.Linear 自身的初始化（reset_parameters）：权重和偏置均为 U(±1/√N)，所以 σ_w² = 1/3，σ_b² = 1/(3N)，随宽度变化</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier 正态</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio 2010, torch.nn.init.xavier_normal_: std 1/√N for equal widths, σ_w² = 1, no bias</source>
        <translation>Glorot 与 Bengio 2010，torch.nn.init.xavier_normal_：宽度相同时标准差为 1/√N，σ_w² = 1，无偏置</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio 2010, torch.nn.init.xavier_uniform_: U(±√(3/N)) for equal widths, σ_w² = 1, no bias</source>
        <translation>Glorot 与 Bengio 2010，torch.nn.init.xavier_uniform_：宽度相同时为 U(±√(3/N))，σ_w² = 1，无偏置</translation>
    </message>
    <message>
        <source>Kaiming</source>
        <translation>Kaiming</translation>
    </message>
    <message>
        <source>He et al. 2015, torch.nn.init.kaiming_normal_ for relu: std √(2/N), σ_w² = 2, no bias</source>
        <translation>He 等 2015，用于 relu 的 torch.nn.init.kaiming_normal_：标准差 √(2/N)，σ_w² = 2，无偏置</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <source>LeCun et al. 1998, the partner of SELU (Klambauer et al. 2017): std 1/√N, σ_w² = 1, no bias</source>
        <translation>LeCun 等 1998，SELU 的搭档（Klambauer 等 2017）：标准差 1/√N，σ_w² = 1，无偏置</translation>
    </message>
    <message>
        <source>Preset %1</source>
        <translation>预设 %1</translation>
    </message>
    <message>
        <source>Fixed point and phase</source>
        <translation>不动点与相</translation>
    </message>
    <message>
        <source>q*, χ₁, the phase in words and the critical σ_w²</source>
        <translation>q*、χ₁、用文字说明的相，以及临界 σ_w²</translation>
    </message>
    <message>
        <source>Why nothing is shown</source>
        <translation>为何没有显示内容</translation>
    </message>
    <message>
        <source>Simulation progress</source>
        <translation>模拟进度</translation>
    </message>
    <message>
        <source>How far the %1 simulations of this setting are</source>
        <translation>此设置的 %1 次模拟进行到哪里</translation>
    </message>
    <message>
        <source>Simulation status</source>
        <translation>模拟状态</translation>
    </message>
    <message>
        <source>Variance q and gradient norm ratio r through the layers</source>
        <translation>方差 q 与梯度范数比 r 逐层变化</translation>
    </message>
    <message>
        <source>Layer l</source>
        <translation>层 l</translation>
    </message>
    <message>
        <source>log₁₀ q and r</source>
        <translation>log₁₀ q 与 r</translation>
    </message>
    <message>
        <source>qˡ (theory)</source>
        <translation>qˡ（理论）</translation>
    </message>
    <message>
        <source>rˡ (theory)</source>
        <translation>rˡ（理论）</translation>
    </message>
    <message>
        <source>qˡ (simulated)</source>
        <translation>qˡ（模拟）</translation>
    </message>
    <message>
        <source>rˡ (simulated)</source>
        <translation>rˡ（模拟）</translation>
    </message>
    <message>
        <source>Variance and gradient against depth chart</source>
        <translation>方差与梯度随深度变化图</translation>
    </message>
    <message>
        <source>log₁₀ of the pre-activations&apos; variance q^l and of the gradient norm ratio r^l = E‖δ^l‖²/E‖δ^L‖² against the layer l: the mean-field theory as lines, the mean of %1 seeded simulations as dots with their minimum to maximum as vertical bars. Values that are 0, not finite or beyond the theory&apos;s overflow have no logarithm and are left out.</source>
        <translation>预激活值方差 q^l 与梯度范数比 r^l = E‖δ^l‖²/E‖δ^L‖² 的 log₁₀ 随层 l 的变化：平均场理论画成线，%1 次带种子的模拟的均值画成点，其最小值到最大值画成竖条。为 0、非有限或超过理论溢出界限的值没有对数，因此略去。</translation>
    </message>
    <message>
        <source>Lines: theory; dots and bars: simulations (mean, min–max). Zeros and overflows are left out.</source>
        <translation>线：理论；点和竖条：模拟（均值、最小–最大）。零和溢出值被略去。</translation>
    </message>
    <message>
        <source>Histograms of hˡ</source>
        <translation>hˡ 的直方图</translation>
    </message>
    <message>
        <source>Pre-activation h</source>
        <translation>预激活值 h</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Histograms of the pre-activations chart</source>
        <translation>预激活值直方图</translation>
    </message>
    <message>
        <source>The share of the simulated pre-activations h^l in each of %1 bins, at layers 1, L/4, L/2 and L, pooled over the seeds (Glorot and Bengio&apos;s figure): a distribution that narrows with depth is a variance that vanishes. Values outside the drawn range are left out.</source>
        <translation>模拟得到的预激活值 h^l 落在 %1 个区间中每个区间的占比，取第 1、L/4、L/2 和 L 层，合并所有种子（Glorot 与 Bengio 的图）：随深度变窄的分布意味着方差在消失。超出所画范围的值被略去。</translation>
    </message>
    <message>
        <source>How h^l is distributed at four depths, from the simulation</source>
        <translation>模拟中 h^l 在四个深度上的分布</translation>
    </message>
    <message>
        <source>Phase diagram: order and chaos</source>
        <translation>相图：有序与混沌</translation>
    </message>
    <message>
        <source>σ_w²</source>
        <translation>σ_w²</translation>
    </message>
    <message>
        <source>σ_b²</source>
        <translation>σ_b²</translation>
    </message>
    <message>
        <source>χ₁ = 1</source>
        <translation>χ₁ = 1</translation>
    </message>
    <message>
        <source>this setting</source>
        <translation>当前设置</translation>
    </message>
    <message>
        <source>Phase diagram chart</source>
        <translation>相图</translation>
    </message>
    <message>
        <source>The plane of σ_w² from 0 to %1 and σ_b² from 0 to %2, coloured by log₁₀ χ from −0.5 or less (blue, ordered: gradients vanish) through 0 (white, critical) to 0.5 or more (red, chaotic: gradients explode), with the critical line χ₁ = 1 and a marker at the current setting. Where the variance grows without bound χ is the factor a deep layer multiplies gradients by; grey: no value.</source>
        <translation>σ_w² 从 0 到 %1、σ_b² 从 0 到 %2 的平面，按 log₁₀ χ 着色：−0.5 及以下为蓝色（有序：梯度消失），0 为白色（临界），0.5 及以上为红色（混沌：梯度爆炸），并画出临界线 χ₁ = 1 以及当前设置处的标记。方差无界增长处，χ 是深层每层乘到梯度上的因子；灰色：没有值。</translation>
    </message>
    <message>
        <source>Blue: ordered, white: critical, red: chaotic; the line is χ₁ = 1</source>
        <translation>蓝色：有序，白色：临界，红色：混沌；线为 χ₁ = 1</translation>
    </message>
    <message>
        <source>Colour: log₁₀ χ from −0.5 (blue, ordered) through 0 (white, critical) to +0.5 (red, chaotic)</source>
        <translation>颜色：log₁₀ χ 从 −0.5（蓝色，有序）经 0（白色，临界）到 +0.5（红色，混沌）</translation>
    </message>
    <message>
        <source>Phase diagram colours</source>
        <translation>相图颜色</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>No function is selected. Select an activation in the function list: the network uses it in every layer.</source>
        <translation>没有选中函数。请在函数列表中选择一个激活函数：网络的每一层都使用它。</translation>
    </message>
    <message>
        <source>%1 is a loss, not an activation: a network&apos;s layers need an activation. Select one in the function list.</source>
        <translation>%1 是损失函数，不是激活函数：网络的各层需要激活函数。请在函数列表中选择一个。</translation>
    </message>
    <message>
        <source>Simulation waits for the controls to rest</source>
        <translation>模拟等待控件停止变动</translation>
    </message>
    <message>
        <source>q* = %1, χ₁ = %2</source>
        <translation>q* = %1，χ₁ = %2</translation>
    </message>
    <message>
        <source>ordered: gradients vanish with depth</source>
        <translation>有序：梯度随深度消失</translation>
    </message>
    <message>
        <source>critical: gradients keep their size</source>
        <translation>临界：梯度保持大小</translation>
    </message>
    <message>
        <source>chaotic: gradients explode with depth</source>
        <translation>混沌：梯度随深度爆炸</translation>
    </message>
    <message>
        <source>no fixed point q*: the variance grows without bound</source>
        <translation>没有不动点 q*：方差无界增长</translation>
    </message>
    <message>
        <source>critical σ_w² at σ_b² = %1: %2</source>
        <translation>σ_b² = %1 时的临界 σ_w²：%2</translation>
    </message>
    <message>
        <source>no critical σ_w² at σ_b² = %1</source>
        <translation>σ_b² = %1 时没有临界 σ_w²</translation>
    </message>
    <message>
        <source>No simulation: %1</source>
        <translation>无法模拟：%1</translation>
    </message>
    <message>
        <source>Simulating seed %1 of %2</source>
        <translation>正在模拟第 %1 个种子，共 %2 个</translation>
    </message>
    <message>
        <source>%1 simulations at N = %2, B = %3</source>
        <translation>%1 次模拟，N = %2，B = %3</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>%1 must be a finite number ≥ 0 (got %2)</source>
        <translation>%1 必须是 ≥ 0 的有限数（当前为 %2）</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 (got %4)</source>
        <translation>%1 必须在 %2 到 %3 之间（当前为 %4）</translation>
    </message>
    <message>
        <source>weight variance σ_w²</source>
        <translation>权重方差 σ_w²</translation>
    </message>
    <message>
        <source>bias variance σ_b²</source>
        <translation>偏置方差 σ_b²</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>saturation threshold ε must be a finite number ≥ 0 (got %1)</source>
        <translation>饱和阈值 ε 必须是 ≥ 0 的有限数（当前为 %1）</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Function whose parameters are shown</source>
        <translation>显示其参数的函数</translation>
    </message>
    <message>
        <source>Parameter panel note</source>
        <translation>参数面板说明</translation>
    </message>
    <message>
        <source>Parameter message</source>
        <translation>参数提示</translation>
    </message>
    <message>
        <source>Why the last value was refused; the previous value was kept</source>
        <translation>上一个值被拒绝的原因；已保留之前的值</translation>
    </message>
    <message>
        <source>Reset to &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <source>Set every parameter back to PyTorch&apos;s default</source>
        <translation>将所有参数恢复为 PyTorch 默认值</translation>
    </message>
    <message>
        <source>Reset parameters to defaults</source>
        <translation>将参数恢复为默认值</translation>
    </message>
    <message>
        <source>Select a function in the list to edit its parameters</source>
        <translation>在列表中选择一个函数以编辑其参数</translation>
    </message>
    <message>
        <source>No function selected.</source>
        <translation>未选择函数。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Heading of the parameter panel: PyTorch id, display name</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>f(x) = %1
f′(x) = %2
%3</source>
        <translation>f(x) = %1
f′(x) = %2
%3</translation>
    </message>
    <message>
        <source>%1 has no parameters.</source>
        <translation>%1 没有参数。</translation>
    </message>
    <message>
        <source>%1
Allowed: %2. PyTorch&apos;s default: %3.</source>
        <translation>%1
允许的取值：%2。PyTorch 默认值：%3。</translation>
    </message>
    <message>
        <source>%1 from %2 to %3; type any allowed value in the box</source>
        <translation>%1，从 %2 到 %3；可在输入框中键入任何允许的值</translation>
    </message>
    <message>
        <source>%1 slider</source>
        <translation>%1 滑块</translation>
    </message>
    <message>
        <source>A slider, a number field and a play button for each parameter of the selected function</source>
        <translation>所选函数的每个参数都有一个滑块、一个数值框和一个播放按钮</translation>
    </message>
</context>
<context>
    <name>PlotChart</name>
    <message>
        <source>f(x) solid,  f′(x) dashed</source>
        <translation>f(x) 实线，f′(x) 虚线</translation>
    </message>
    <message>
        <source>f(x) chart</source>
        <translation>f(x) 图表</translation>
    </message>
    <message>
        <source>f′(x) chart</source>
        <translation>f′(x) 图表</translation>
    </message>
    <message>
        <source>f″(x) chart</source>
        <translation>f″(x) 图表</translation>
    </message>
    <message>
        <source>f(x) and f′(x) chart</source>
        <translation>f(x) 与 f′(x) 图表</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>f′(x) — the gradient</source>
        <translation>f′(x) — 梯度</translation>
    </message>
    <message>
        <source>f″(x)</source>
        <translation>f″(x)</translation>
    </message>
    <message>
        <source>f(x) and f′(x)</source>
        <translation>f(x) 与 f′(x)</translation>
    </message>
    <message>
        <source>f′(x)</source>
        <translation>f′(x)</translation>
    </message>
    <message>
        <source> (value at x)</source>
        <translation>（x 处的值）</translation>
    </message>
    <message>
        <source> (limit)</source>
        <translation>（极限）</translation>
    </message>
    <message>
        <source>%1: zero f′ = 0</source>
        <translation>%1：零梯度 f′ = 0</translation>
    </message>
    <message>
        <source>%1: saturated |f′| &lt; ε</source>
        <translation>%1：饱和 |f′| &lt; ε</translation>
    </message>
    <message>
        <source>%1: tangent</source>
        <translation>%1：切线</translation>
    </message>
    <message>
        <source>f′ ≈ 0</source>
        <translation>f′ ≈ 0</translation>
    </message>
    <message>
        <source>%1: selected interval</source>
        <translation>%1：所选区间</translation>
    </message>
    <message>
        <source>zero f′ = 0</source>
        <translation>零梯度 f′ = 0</translation>
    </message>
    <message>
        <source>saturated |f′| &lt; ε</source>
        <translation>饱和 |f′| &lt; ε</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No scene.</source>
        <translation>没有场景。</translation>
    </message>
    <message>
        <source>No functions shown</source>
        <translation>未显示任何函数</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2
x = %3
%4 = %5</source>
        <translation>%1：%2
x = %3
%4 = %5</translation>
    </message>
</context>
<context>
    <name>PointsOfInterest</name>
    <message>
        <source>zero</source>
        <translation>零点</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>极小值</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>极大值</translation>
    </message>
    <message>
        <source>inflection</source>
        <translation>拐点</translation>
    </message>
    <message>
        <source>gradient peak</source>
        <translation>梯度峰值</translation>
    </message>
    <message>
        <source>kink</source>
        <translation>折点</translation>
    </message>
</context>
<context>
    <name>RangePanel</name>
    <message>
        <source>Range and threshold</source>
        <translation>区间与阈值</translation>
    </message>
    <message>
        <source>x range</source>
        <translation>x 区间</translation>
    </message>
    <message>
        <source>The interval of x shown on both charts and analysed for saturation</source>
        <translation>两个图表显示并用于饱和分析的 x 区间</translation>
    </message>
    <message>
        <source>x mi&amp;n</source>
        <translation>x 最小值(&amp;N)</translation>
    </message>
    <message>
        <source>x ma&amp;x</source>
        <translation>x 最大值(&amp;X)</translation>
    </message>
    <message>
        <source>x min slider</source>
        <translation>x 最小值滑块</translation>
    </message>
    <message>
        <source>Left end of the x range, from −%1 to %1</source>
        <translation>x 区间的左端点，从 −%1 到 %1</translation>
    </message>
    <message>
        <source>x max slider</source>
        <translation>x 最大值滑块</translation>
    </message>
    <message>
        <source>Right end of the x range, from −%1 to %1</source>
        <translation>x 区间的右端点，从 −%1 到 %1</translation>
    </message>
    <message>
        <source>x min</source>
        <translation>x 最小值</translation>
    </message>
    <message>
        <source>Left end of the x range; must be less than x max</source>
        <translation>x 区间的左端点；必须小于 x 最大值</translation>
    </message>
    <message>
        <source>x max</source>
        <translation>x 最大值</translation>
    </message>
    <message>
        <source>Right end of the x range; must be greater than x min</source>
        <translation>x 区间的右端点；必须大于 x 最小值</translation>
    </message>
    <message>
        <source>y range</source>
        <translation>y 区间</translation>
    </message>
    <message>
        <source>Each chart fits its y axis to the visible curves unless you fix it</source>
        <translation>除非手动固定，否则每个图表会让 y 轴适应可见的曲线</translation>
    </message>
    <message>
        <source>Automatic y range for %1</source>
        <translation>%1 的 y 区间自动</translation>
    </message>
    <message>
        <source>Checked: the %1 chart fits its y axis to the visible curves. Unchecked: the current range is kept and can be edited.</source>
        <translation>选中：%1 图表的 y 轴适应可见曲线。未选中：保留当前区间，并可编辑。</translation>
    </message>
    <message>
        <source>y min of %1</source>
        <translation>%1 的 y 最小值</translation>
    </message>
    <message>
        <source>Bottom of the %1 chart&apos;s y axis</source>
        <translation>%1 图表 y 轴的下端</translation>
    </message>
    <message>
        <source>y max of %1</source>
        <translation>%1 的 y 最大值</translation>
    </message>
    <message>
        <source>Top of the %1 chart&apos;s y axis</source>
        <translation>%1 图表 y 轴的上端</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Saturation threshold ε</source>
        <translation>饱和阈值 ε</translation>
    </message>
    <message>
        <source>Where |f′| &lt; ε the gradient counts as saturated: bands on the charts and rows in the saturation panel</source>
        <translation>|f′| &lt; ε 处的梯度视为饱和：在图表上显示为阴影带，在饱和面板中列为一行</translation>
    </message>
    <message>
        <source>Saturation threshold</source>
        <translation>饱和阈值</translation>
    </message>
    <message>
        <source>&amp;ε</source>
        <translation>&amp;ε</translation>
    </message>
    <message>
        <source>ε slider (log scale)</source>
        <translation>ε 滑块（对数刻度）</translation>
    </message>
    <message>
        <source>ε on a log scale from 1e-6 to 0.25</source>
        <translation>ε 的对数刻度，从 1e-6 到 0.25</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>ε &gt; 0; scientific notation works, e.g. 1e-4</source>
        <translation>ε &gt; 0；可用科学计数法，例如 1e-4</translation>
    </message>
    <message>
        <source>Range message</source>
        <translation>区间提示</translation>
    </message>
    <message>
        <source>Why the last value was refused; the previous value was kept</source>
        <translation>上一个值被拒绝的原因；已保留之前的值</translation>
    </message>
    <message>
        <source>ε: &quot;%1&quot; is not a number</source>
        <translation>ε：“%1”不是数字</translation>
    </message>
    <message>
        <source>The charts&apos; x range, their y ranges and the saturation threshold ε</source>
        <translation>图表的 x 区间、y 区间和饱和阈值 ε</translation>
    </message>
</context>
<context>
    <name>SaturationPanel</name>
    <message>
        <source>zero: f′ = 0</source>
        <translation>零梯度：f′ = 0</translation>
    </message>
    <message>
        <source>saturated: |f′| &lt; ε</source>
        <translation>饱和：|f′| &lt; ε</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>What the bands mean for learning</source>
        <translation>这些阴影带对学习意味着什么</translation>
    </message>
    <message>
        <source>Gradient descent changes a parameter θ by −η·f′ times the upstream gradient: where f′ is tiny, so is the step</source>
        <translation>梯度下降让参数 θ 改变 −η·f′ 乘以上游梯度：f′ 很小的地方，步长也很小</translation>
    </message>
    <message>
        <source>Function / band</source>
        <translation>函数 / 阴影带</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Share of range</source>
        <translation>占区间比例</translation>
    </message>
    <message>
        <source>Largest |f′|</source>
        <translation>最大 |f′|</translation>
    </message>
    <message>
        <source>at x</source>
        <translation>所在 x</translation>
    </message>
    <message>
        <source>For a function: the part of the x range in any band; for a band: its own width</source>
        <translation>对函数：落在任一阴影带内的 x 区间比例；对阴影带：其自身宽度</translation>
    </message>
    <message>
        <source>The largest |f′| of the function on the x range</source>
        <translation>函数在 x 区间上的最大 |f′|</translation>
    </message>
    <message>
        <source>Saturated intervals</source>
        <translation>饱和区间</translation>
    </message>
    <message>
        <source>Select a band to highlight it on the charts</source>
        <translation>选择一条阴影带，在图表上高亮显示</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <translation>&lt; %1 %</translation>
    </message>
    <message>
        <source>Bands where |f′| &lt; ε = %1. In a band the update θ′ = θ − η·f′ barely moves θ (where f′ = 0, not at all), so learning stalls there.</source>
        <translation>阴影带表示 |f′| &lt; ε = %1 的区域。在带内，更新 θ′ = θ − η·f′ 几乎不改变 θ（f′ = 0 处完全不变），学习在那里停滞。</translation>
    </message>
    <message>
        <source>%1: %2 of [%3, %4] has |f′| &lt; ε; the largest |f′| is %5, at x = %6.
%7</source>
        <translation>%1：[%3, %4] 中有 %2 的部分 |f′| &lt; ε；最大的 |f′| 为 %5，位于 x = %6。
%7</translation>
    </message>
    <message>
        <source>From x = %1 to %2, f′ = 0: θ does not move at all</source>
        <translation>从 x = %1 到 %2，f′ = 0：θ 完全不变</translation>
    </message>
    <message>
        <source>From x = %1 to %2, 0 &lt; |f′| &lt; ε: θ moves very little</source>
        <translation>从 x = %1 到 %2，0 &lt; |f′| &lt; ε：θ 几乎不变</translation>
    </message>
    <message>
        <source>no band: |f′| ≥ ε on the whole range</source>
        <translation>没有阴影带：整个区间上 |f′| ≥ ε</translation>
    </message>
    <message>
        <source>Gradient descent gets a usable gradient everywhere</source>
        <translation>梯度下降处处都能得到可用的梯度</translation>
    </message>
    <message>
        <source>Where each function&apos;s gradient is zero or below ε: the intervals and their share of the x range</source>
        <translation>每个函数梯度为零或低于 ε 的位置：这些区间及其占 x 区间的比例</translation>
    </message>
    <message>
        <source>Each function&apos;s bands: where they lie, how wide they are, and whether f′ is zero or only small there; select one to highlight it on the charts</source>
        <translation>每个函数的区带：位置、宽度，以及其中 f′ 为零还是仅仅很小；选择一个即可在图表上突出显示</translation>
    </message>
</context>
<context>
    <name>SceneAnimation</name>
    <message>
        <source>frames per second must be between %1 and %2 (got %3)</source>
        <translation>每秒帧数必须在 %1 到 %2 之间（当前为 %3）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>frame %1 could not be drawn at %2×%3 pixels</source>
        <translation>无法以 %2×%3 像素绘制第 %1 帧</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: it is a directory</source>
        <translation>无法写入“%1”：它是一个目录</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: the folder &apos;%2&apos; does not exist</source>
        <translation>无法写入“%1”：文件夹“%2”不存在</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos;: %2</source>
        <translation>无法导出“%1”：%2</translation>
    </message>
</context>
<context>
    <name>SceneHistory</name>
    <message>
        <source>Load lesson</source>
        <translation>载入课程</translation>
    </message>
    <message>
        <source>Add function</source>
        <translation>添加函数</translation>
    </message>
    <message>
        <source>Remove function</source>
        <translation>移除函数</translation>
    </message>
    <message>
        <source>Change functions</source>
        <translation>更改函数</translation>
    </message>
    <message>
        <source>Change parameters</source>
        <translation>更改参数</translation>
    </message>
    <message>
        <source>Change scaling</source>
        <translation>更改缩放</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>Show or hide function</source>
        <translation>显示或隐藏函数</translation>
    </message>
    <message>
        <source>Change range</source>
        <translation>更改区间</translation>
    </message>
    <message>
        <source>Change ε</source>
        <translation>更改 ε</translation>
    </message>
    <message>
        <source>Change sample count</source>
        <translation>更改采样点数</translation>
    </message>
    <message>
        <source>Change scene</source>
        <translation>更改场景</translation>
    </message>
</context>
<context>
    <name>SceneModel</name>
    <message>
        <source>unknown function &apos;%1&apos;; valid ids: %2</source>
        <translation>未知函数“%1”；有效的 id：%2</translation>
    </message>
    <message>
        <source>cannot insert at row %1: valid rows are 0 to %2</source>
        <translation>无法插入到第 %1 行：有效行号为 0 到 %2</translation>
    </message>
    <message>
        <source>%1 has no parameters (got &apos;%2&apos;)</source>
        <translation>%1 没有参数（收到“%2”）</translation>
    </message>
    <message>
        <source>%1 has no parameter &apos;%2&apos;; its parameters: %3</source>
        <translation>%1 没有参数“%2”；它的参数为：%3</translation>
    </message>
    <message>
        <source>not a valid colour</source>
        <translation>不是有效的颜色</translation>
    </message>
    <message>
        <source>x range: min and max must be finite numbers (got %1, %2)</source>
        <translation>x 区间：最小值和最大值必须是有限数（收到 %1、%2）</translation>
    </message>
    <message>
        <source>x range: min (%1) must be less than max (%2)</source>
        <translation>x 区间：最小值（%1）必须小于最大值（%2）</translation>
    </message>
    <message>
        <source>x range: %1 to %2 is too wide; its width must be a finite number</source>
        <translation>x 区间：%1 到 %2 太宽；宽度必须是有限数</translation>
    </message>
    <message>
        <source>x range: %1 to %2 is too narrow; its width must be at least 1e-12 × max(|min|, |max|)</source>
        <translation>x 区间：%1 到 %2 太窄；宽度至少为 1e-12 × max(|min|, |max|)</translation>
    </message>
    <message>
        <source>epsilon must be a finite number &gt; 0 (got %1)</source>
        <translation>ε 必须是大于 0 的有限数（收到 %1）</translation>
    </message>
    <message>
        <source>sample count must be between %1 and %2 (got %3)</source>
        <translation>采样点数必须在 %1 到 %2 之间（收到 %3）</translation>
    </message>
    <message>
        <source>plot size must be between 1×1 and 100000×100000 pixels (got %1×%2)</source>
        <translation>绘图尺寸必须在 1×1 到 100000×100000 像素之间（收到 %1×%2）</translation>
    </message>
    <message>
        <source>derivative order must be 1 (f, f′) or 2 (f, f′, f″) (got %1)</source>
        <translation>导数阶数必须为 1（f、f′）或 2（f、f′、f″）（收到 %1）</translation>
    </message>
    <message>
        <source>derivative order must be 0, 1 or 2 (got %1)</source>
        <translation>导数阶数必须为 0、1 或 2（收到 %1）</translation>
    </message>
    <message>
        <source>y range: min (%1) must be less than max (%2), both finite</source>
        <translation>y 区间：最小值（%1）必须小于最大值（%2），且都是有限数</translation>
    </message>
    <message>
        <source>no function at row %1: the scene is empty</source>
        <translation>第 %1 行没有函数：场景为空</translation>
    </message>
    <message>
        <source>no function at row %1: valid rows are 0 to %2</source>
        <translation>第 %1 行没有函数：有效行号为 0 到 %2</translation>
    </message>
    <message>
        <source>cannot add &apos;%1&apos;: a scene holds at most %2 functions</source>
        <translation>无法添加“%1”：一个场景最多容纳 %2 个函数</translation>
    </message>
</context>
<context>
    <name>SceneRenderer</name>
    <message>
        <source>scale must be 1 to %1 (got %2)</source>
        <translation>缩放倍数必须在 1 到 %1 之间（收到 %2）</translation>
    </message>
    <message>
        <source>image size must be between %1×%1 and %2×%2 pixels after scaling (got %3×%4 at scale %5)</source>
        <translation>缩放后的图像尺寸必须在 %1×%1 到 %2×%2 像素之间（收到 %3×%4，缩放 %5）</translation>
    </message>
    <message>
        <source>no device to write the SVG to</source>
        <translation>没有可写入 SVG 的设备</translation>
    </message>
    <message>
        <source>cannot write SVG: %1</source>
        <translation>无法写入 SVG：%1</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: it is a directory</source>
        <translation>无法写入“%1”：它是一个目录</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos;: %2</source>
        <translation>无法导出“%1”：%2</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: the folder &apos;%2&apos; does not exist</source>
        <translation>无法写入“%1”：文件夹“%2”不存在</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos;: the %2×%3 image could not be made</source>
        <translation>无法导出“%1”：无法生成 %2×%3 的图像</translation>
    </message>
    <message>
        <source>no device to write the PDF to</source>
        <translation>没有可写入 PDF 的设备</translation>
    </message>
    <message>
        <source>cannot write PDF: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
    <message>
        <source>cannot export &apos;%1&apos;: unknown image format %2; valid suffixes: .png, .svg, .pdf</source>
        <translation>无法导出“%1”：未知的图像格式 %2；有效后缀为 .png、.svg、.pdf</translation>
    </message>
</context>
<context>
    <name>SimulationJob</name>
    <message>
        <source>a simulation is already running</source>
        <translation>已有一个模拟正在运行</translation>
    </message>
</context>
<context>
    <name>SliderPlayer</name>
    <message>
        <source>Play %1</source>
        <translation>播放 %1</translation>
    </message>
    <message>
        <source>Sweeps %1 across its slider; the button&apos;s menu sets the speed and whether it plays once, loops or goes back and forth. Any edit of %1 stops it.</source>
        <translation>让 %1 沿滑块扫过；按钮的菜单设置速度，以及播放一次、循环还是来回播放。对 %1 的任何编辑都会停止播放。</translation>
    </message>
    <message>
        <source>Play options for %1</source>
        <translation>%1 的播放选项</translation>
    </message>
    <message>
        <source>Play &amp;Once</source>
        <translation>播放一次(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>循环(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Back and Forth</source>
        <translation>来回(&amp;B)</translation>
    </message>
    <message>
        <source>%1×</source>
        <extracomment>A play speed: 0.5×, 2×</extracomment>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Stop playing %1 (%2, %3×)</source>
        <extracomment>Tool tip of a slider&apos;s play button: what, mode, speed</extracomment>
        <translation>停止播放 %1（%2，%3×）</translation>
    </message>
    <message>
        <source>Play %1 (%2, %3×); the arrow sets how</source>
        <translation>播放 %1（%2，%3×）；箭头设置播放方式</translation>
    </message>
</context>
<context>
    <name>SoftmaxJacobianView</name>
    <message>
        <source>Jacobian heat map</source>
        <translation>雅可比矩阵热力图</translation>
    </message>
    <message>
        <source>J_ij = ∂s_i/∂z_j = s_i(δ_ij − s_j): how probability s_i moves when logit z_j grows. Red is positive, blue negative; every entry lies within ±0.25.</source>
        <translation>J_ij = ∂s_i/∂z_j = s_i(δ_ij − s_j)：logit z_j 增大时概率 s_i 如何变化。红色为正，蓝色为负；每个元素都在 ±0.25 以内。</translation>
    </message>
    <message>
        <source>Rows: %1</source>
        <translation>各行：%1</translation>
    </message>
    <message>
        <source>Jacobian J_ij = ∂s_i/∂z_j</source>
        <translation>雅可比矩阵 J_ij = ∂s_i/∂z_j</translation>
    </message>
</context>
<context>
    <name>SoftmaxPanel</name>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>k, the number of classes and logits z₀ … z_{k−1}</source>
        <translation>k，类别数，也是 logit z₀ … z_{k−1} 的个数</translation>
    </message>
    <message>
        <source>Varied logit</source>
        <translation>变化的 logit</translation>
    </message>
    <message>
        <source>The logit z_v on the horizontal axis; the others stay fixed</source>
        <translation>横轴上的 logit z_v；其余 logit 保持不变</translation>
    </message>
    <message>
        <source>Range from</source>
        <translation>区间起点</translation>
    </message>
    <message>
        <source>Where the varied logit&apos;s axis starts</source>
        <translation>变化的 logit 所在坐标轴的起点</translation>
    </message>
    <message>
        <source>Range to</source>
        <translation>区间终点</translation>
    </message>
    <message>
        <source>Where the varied logit&apos;s axis ends</source>
        <translation>变化的 logit 所在坐标轴的终点</translation>
    </message>
    <message>
        <source>Probabilities and Jacobian read-out</source>
        <translation>概率与雅可比矩阵读数</translation>
    </message>
    <message>
        <source>s at the current logits, and what the Jacobian&apos;s entries add up to</source>
        <translation>当前 logit 下的 s，以及雅可比矩阵各元素之和</translation>
    </message>
    <message>
        <source>probability s_i</source>
        <translation>概率 s_i</translation>
    </message>
    <message>
        <source>Probabilities against the varied logit</source>
        <translation>概率随变化的 logit 的曲线</translation>
    </message>
    <message>
        <source>s_i = exp(z_i) / Σ_j exp(z_j) as one logit varies; the dashed line is its current value</source>
        <translation>一个 logit 变化时的 s_i = exp(z_i) / Σ_j exp(z_j)；虚线为该 logit 的当前值</translation>
    </message>
    <message>
        <source>Classes &amp;k</source>
        <translation>类别数 k(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Varied logit</source>
        <translation>变化的 logit(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Range from</source>
        <translation>区间(&amp;R) 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>%1 (varied)</source>
        <translation>%1（变化）</translation>
    </message>
    <message>
        <source>Logit %1, varied</source>
        <translation>Logit %1（变化）</translation>
    </message>
    <message>
        <source>%1, the varied logit: its value is the dashed line on the chart</source>
        <translation>%1，变化的 logit：其取值为图表上的虚线</translation>
    </message>
    <message>
        <source>Logit %1</source>
        <translation>Logit %1</translation>
    </message>
    <message>
        <source>%1, the logit of class %2</source>
        <translation>%1，类别 %2 的 logit</translation>
    </message>
    <message>
        <source>varied logit z%1</source>
        <translation>变化的 logit z%1</translation>
    </message>
    <message>
        <source>Probabilities s = softmax(z) as z%1 varies</source>
        <translation>z%1 变化时的概率 s = softmax(z)</translation>
    </message>
    <message>
        <source>At z = (%1):   s = (%2)</source>
        <translation>在 z = (%1) 处：   s = (%2)</translation>
    </message>
    <message>
        <source>Every row and column of J sums to 0: the probabilities always sum to 1. Largest entry J%1%1 = s%1(1 − s%1) = %2 ≤ 0.25.</source>
        <translation>J 的每一行、每一列之和都为 0：概率之和始终为 1。最大元素 J%1%1 = s%1(1 − s%1) = %2 ≤ 0.25。</translation>
    </message>
    <message>
        <source>The probabilities softmax makes of a few logits, one logit varied, and the Jacobian ∂s_i/∂z_j as a heat map</source>
        <translation>softmax 由若干 logit 得到的概率（改变其中一个 logit），以及以热图显示的雅可比矩阵 ∂s_i/∂z_j</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start page</source>
        <translation>开始页</translation>
    </message>
    <message>
        <source>Welcome to Activation Explorer</source>
        <translation>欢迎使用激活函数探索器</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Activation Explorer plots activation functions and their gradients</source>
        <translation>激活函数探索器绘制激活函数及其梯度</translation>
    </message>
    <message>
        <source>Each lesson loads a scene from the tutorial and explains what it shows. Lessons stay in the Lessons menu, so you can come back to them.</source>
        <translation>每一课都会载入教程中的一个场景，并解释它展示了什么。课程一直保留在“课程”菜单中，可以随时回来学习。</translation>
    </message>
    <message>
        <source>How to start</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <source>Just explore</source>
        <translation>直接探索</translation>
    </message>
    <message>
        <source>Open the explorer with its usual functions and choose your own.</source>
        <translation>用常用的几个函数打开探索器，再自行选择。</translation>
    </message>
    <message>
        <source>Skip the lessons; they stay in the Lessons menu</source>
        <translation>跳过课程；它们一直保留在“课程”菜单中</translation>
    </message>
</context>
<context>
    <name>ValueTableModel</name>
    <message>
        <source>Index %1 of the tensor</source>
        <translation>张量的第 %1 个元素</translation>
    </message>
    <message>
        <source>x = torch.linspace(%1, %2, %3)</source>
        <translation>x = torch.linspace(%1, %2, %3)</translation>
    </message>
    <message>
        <source>The values of %1</source>
        <translation>%1 的值</translation>
    </message>
    <message>
        <source>The first derivative (gradient) of %1</source>
        <translation>%1 的一阶导数（梯度）</translation>
    </message>
    <message>
        <source>The second derivative of %1</source>
        <translation>%1 的二阶导数</translation>
    </message>
</context>
<context>
    <name>ValueTableWidget</name>
    <message>
        <source>Value table</source>
        <translation>数值表</translation>
    </message>
    <message>
        <source>&amp;a (x min)</source>
        <translation>&amp;a（x 最小值）</translation>
    </message>
    <message>
        <source>&amp;b (x max)</source>
        <translation>&amp;b（x 最大值）</translation>
    </message>
    <message>
        <source>&amp;n (samples)</source>
        <translation>&amp;n（采样点数）</translation>
    </message>
    <message>
        <source>a, the first x value</source>
        <translation>a，第一个 x 值</translation>
    </message>
    <message>
        <source>a in torch.linspace(a, b, n): the first x value and the left end of the x range; must be less than b</source>
        <translation>torch.linspace(a, b, n) 中的 a：第一个 x 值，即 x 区间的左端点；必须小于 b</translation>
    </message>
    <message>
        <source>b, the last x value</source>
        <translation>b，最后一个 x 值</translation>
    </message>
    <message>
        <source>b in torch.linspace(a, b, n): the last x value and the right end of the x range; must be greater than a</source>
        <translation>torch.linspace(a, b, n) 中的 b：最后一个 x 值，即 x 区间的右端点；必须大于 a</translation>
    </message>
    <message>
        <source>n, the number of samples</source>
        <translation>n，采样点数</translation>
    </message>
    <message>
        <source>n in torch.linspace(a, b, n): the number of rows, from %1 to %2</source>
        <translation>torch.linspace(a, b, n) 中的 n：行数，从 %1 到 %2</translation>
    </message>
    <message>
        <source>The x values as PyTorch code</source>
        <translation>用 PyTorch 代码表示的 x 值</translation>
    </message>
    <message>
        <source>The rows&apos; x values are this PyTorch tensor; the other columns are printed as PyTorch prints each column as a tensor</source>
        <translation>各行的 x 值就是这个 PyTorch 张量；其余各列按 PyTorch 打印张量的格式显示</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text with a header line, at full precision (%1)</source>
        <translation>将所选单元格复制为带表头、以制表符分隔的文本，保留全部精度（%1）</translation>
    </message>
    <message>
        <source>Copy as &amp;tensor</source>
        <translation>复制为张量(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the current column as PyTorch prints it: tensor([…], dtype=torch.float64) (%1)</source>
        <translation>按 PyTorch 的打印格式复制当前列：tensor([…], dtype=torch.float64)（%1）</translation>
    </message>
    <message>
        <source>Copy the selected cells</source>
        <translation>复制所选单元格</translation>
    </message>
    <message>
        <source>Copy the current column as a tensor</source>
        <translation>将当前列复制为张量</translation>
    </message>
    <message>
        <source>Values of x, f, f′ and f″</source>
        <translation>x、f、f′ 和 f″ 的值</translation>
    </message>
    <message>
        <source>x down the rows; f, f′ and f″ of each visible function across. Select cells and press %1 to copy them.</source>
        <translation>每行一个 x；各列为每个可见函数的 f、f′ 和 f″。选中单元格后按 %1 复制。</translation>
    </message>
    <message>
        <source>Value table message</source>
        <translation>数值表提示</translation>
    </message>
    <message>
        <source>Why the last value was refused; the previous value was kept</source>
        <translation>上一个值被拒绝的原因；已保留之前的值</translation>
    </message>
    <message>
        <source>f, f′ and f″ of the visible functions at evenly spaced x from a to b, to read or copy</source>
        <translation>可见函数在 a 到 b 之间等距 x 处的 f、f′ 和 f″，可读取或复制</translation>
    </message>
</context>
</TS>

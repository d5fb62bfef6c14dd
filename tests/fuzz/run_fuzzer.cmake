# Runs one libFuzzer target for a bounded time (CTest test of tests/fuzz/CMakeLists.txt).
#   cmake -DFUZZER=<exe> -DSEEDS=<seed dir> -DWORK=<dir> [-DDICT=<file>] -DSECONDS=<n> -P run_fuzzer.cmake
# The seeds are copied to WORK/corpus (fresh each run); crash inputs go to WORK/artifacts/.
foreach(var FUZZER SEEDS WORK SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK}/corpus")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
file(GLOB seeds "${SEEDS}/*")
file(COPY ${seeds} DESTINATION "${WORK}/corpus")

set(args -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10 -max_len=8192
         -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/)
if(DICT)
    list(APPEND args -dict=${DICT})
endif()
execute_process(COMMAND "${FUZZER}" ${args} "${WORK}/corpus"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(GLOB found "${WORK}/artifacts/*")
    message(FATAL_ERROR "${FUZZER} failed (${result}); inputs that fail: ${found}\n"
                        "Reproduce: ${FUZZER} <input>; then add the input to tst_expression (or the target's test).")
endif()

#include "CMicroBench.h"

void microbench_escape_call(const void *pointer) {
    microbench_escape(pointer);
}

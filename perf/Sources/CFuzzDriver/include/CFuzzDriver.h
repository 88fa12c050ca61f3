#ifndef C_FUZZ_DRIVER_H
#define C_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that keep their own main (llvm.org/docs/LibFuzzer.html,
// "Using libFuzzer as a library"). Defined only when linking with -sanitize=fuzzer; the fuzz targets call it
// only in builds with -DFUZZING (Scripts/fuzz.sh), so plain builds never reference it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

// Symbols a loaded ELF file keeps only in its (non-dynamic) symbol table, such as the Swift runtime's
// file-local `_swift_retain_adapter`, found by name or by address. Private to CMemProbe.
#ifndef MEMPROBE_RUNTIME_SYMBOLS_H
#define MEMPROBE_RUNTIME_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

/// Looks up `count` symbols by name in the ELF symbol table (.symtab) of the file that contains
/// `anchor`, an exported symbol named `anchor_name` whose address fixes the load bias. Fills
/// `addresses[i]` with the run-time address of `names[i]`, or 0 when the table has no such symbol.
/// Returns 1 when the file has a symbol table that contains the anchor, 0 when it cannot be read or has
/// none (stripped), -1 on a platform without ELF. Maps the file while it reads; does not call malloc.
int memprobe_find_symbols(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses, int count);

/// Like memprobe_find_symbols, and also fills `sizes[i]` with the symbol's size in bytes (0 when unknown),
/// so that `[addresses[i], addresses[i] + sizes[i])` is the function's code.
int memprobe_find_symbol_ranges(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses,
    uintptr_t *sizes, int count);

#endif

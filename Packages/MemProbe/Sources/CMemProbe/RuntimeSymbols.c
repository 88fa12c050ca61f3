// Reads a loaded ELF file's .symtab from disk (it is not mapped at run time): local symbols by name
// (memprobe_find_symbols, for the Swift runtime's hook adapters) and the function containing an address
// (memprobe_symbolize, for allocation sites in the executable's own local functions, which dladdr cannot
// name because it sees only the dynamic symbol table).
#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "RuntimeSymbols.h"
#include "AllocationSites.h"

#include <stdlib.h>

#if defined(__linux__)

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int within(size_t offset, size_t length, size_t size) {
    return offset <= size && length <= size - offset;
}

/// A mapped ELF file and its symbol tables (.symtab, and .dynsym when there is no .symtab).
typedef struct elf_file {
    const unsigned char *bytes;
    size_t size;
    const Elf64_Shdr *sections;
    int section_count;
    int has_symtab;
} elf_file;

/// One symbol table of an elf_file, checked to lie inside the file.
typedef struct elf_symbols {
    const Elf64_Sym *symbols;
    size_t count;
    const char *strings;
    size_t strings_size;
} elf_symbols;

static int elf_open(const char *path, elf_file *out) {
    int descriptor = open(path, O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return 0;
    struct stat status;
    if (fstat(descriptor, &status) != 0 || status.st_size < (off_t)sizeof(Elf64_Ehdr)) {
        close(descriptor);
        return 0;
    }
    size_t size = (size_t)status.st_size;
    const unsigned char *file = mmap(NULL, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    close(descriptor);
    if (file == MAP_FAILED) return 0;
    const Elf64_Ehdr *header = (const Elf64_Ehdr *)file;
    if (memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 || header->e_ident[EI_CLASS] != ELFCLASS64
        || header->e_shentsize != sizeof(Elf64_Shdr)
        || !within(header->e_shoff, (size_t)header->e_shnum * sizeof(Elf64_Shdr), size)) {
        munmap((void *)file, size);
        return 0;
    }
    out->bytes = file;
    out->size = size;
    out->sections = (const Elf64_Shdr *)(file + header->e_shoff);
    out->section_count = header->e_shnum;
    out->has_symtab = 0;
    for (int s = 0; s < out->section_count; s++) {
        if (out->sections[s].sh_type == SHT_SYMTAB) out->has_symtab = 1;
    }
    return 1;
}

static void elf_close(elf_file *file) {
    munmap((void *)file->bytes, file->size);
}

/// The `index`-th usable symbol table of `file` (the .symtab, or the .dynsym of a stripped file);
/// returns 0 when there are no more.
static int elf_symbol_table(const elf_file *file, int *cursor, elf_symbols *out) {
    unsigned wanted = file->has_symtab ? SHT_SYMTAB : SHT_DYNSYM;
    for (; *cursor < file->section_count; (*cursor)++) {
        const Elf64_Shdr *table = &file->sections[*cursor];
        if (table->sh_type != wanted || table->sh_link >= (unsigned)file->section_count) continue;
        const Elf64_Shdr *strings = &file->sections[table->sh_link];
        if (table->sh_entsize != sizeof(Elf64_Sym) || !within(table->sh_offset, table->sh_size, file->size)
            || !within(strings->sh_offset, strings->sh_size, file->size)) {
            continue;
        }
        out->symbols = (const Elf64_Sym *)(file->bytes + table->sh_offset);
        out->count = table->sh_size / sizeof(Elf64_Sym);
        out->strings = (const char *)(file->bytes + strings->sh_offset);
        out->strings_size = strings->sh_size;
        (*cursor)++;
        return 1;
    }
    return 0;
}

/// The NUL-terminated name of `symbol`, or NULL when it has none or it runs past the string table.
static const char *symbol_name(const elf_symbols *table, const Elf64_Sym *symbol) {
    if (symbol->st_name == 0 || symbol->st_name >= table->strings_size) return NULL;
    const char *name = table->strings + symbol->st_name;
    size_t room = table->strings_size - symbol->st_name;
    return strnlen(name, room) == room ? NULL : name;
}

int memprobe_find_symbol_ranges(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses,
    uintptr_t *sizes, int count) {
    for (int i = 0; i < count; i++) {
        addresses[i] = 0;
        if (sizes) sizes[i] = 0;
    }
    Dl_info info;
    if (dladdr(anchor, &info) == 0 || info.dli_fname == NULL) return 0;
    elf_file file;
    if (!elf_open(info.dli_fname, &file)) return 0;
    int found_anchor = 0;
    uintptr_t anchor_value = 0;
    if (file.has_symtab) {
        int cursor = 0;
        elf_symbols table;
        while (elf_symbol_table(&file, &cursor, &table)) {
            for (size_t k = 0; k < table.count; k++) {
                if (table.symbols[k].st_value == 0) continue;
                const char *name = symbol_name(&table, &table.symbols[k]);
                if (name == NULL) continue;
                if (strcmp(name, anchor_name) == 0) {
                    found_anchor = 1;
                    anchor_value = table.symbols[k].st_value;
                }
                for (int i = 0; i < count; i++) {
                    if (addresses[i] == 0 && strcmp(name, names[i]) == 0) {
                        addresses[i] = table.symbols[k].st_value;
                        if (sizes) sizes[i] = table.symbols[k].st_size;
                    }
                }
            }
        }
    }
    elf_close(&file);
    if (!found_anchor) {
        for (int i = 0; i < count; i++) {
            addresses[i] = 0;
            if (sizes) sizes[i] = 0;
        }
        return 0;
    }
    uintptr_t bias = (uintptr_t)anchor - anchor_value;
    for (int i = 0; i < count; i++) {
        if (addresses[i] != 0) addresses[i] += bias;
    }
    return 1;
}

int memprobe_find_symbols(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses, int count) {
    return memprobe_find_symbol_ranges(anchor, anchor_name, names, addresses, NULL, count);
}

/// The path to open for the object `map` describes: the main executable has an empty name.
static const char *object_path(const struct link_map *map) {
    return map->l_name == NULL || map->l_name[0] == '\0' ? "/proc/self/exe" : map->l_name;
}

/// A copy of the path to show for the object `map` describes (the executable's real path, not its argv[0]).
static char *object_display_path(const struct link_map *map) {
    if (map->l_name != NULL && map->l_name[0] != '\0') return strdup(map->l_name);
    char buffer[4096];
    ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0) return strdup("/proc/self/exe");
    buffer[length] = '\0';
    return strdup(buffer);
}

/// Names every entry of `out` that belongs to `map` and has no name yet, from one pass over the file's
/// symbols: the function containing the entry's file address, else the nearest function before it.
static void symbolize_object(const struct link_map *map, const uintptr_t *addresses, size_t count,
                             memprobe_frame_symbol *out, const struct link_map **maps) {
    elf_file file;
    if (!elf_open(object_path(map), &file)) return;
    // best[i]: the chosen symbol of entry i (value, size, name), found over every table.
    size_t pending = 0;
    for (size_t i = 0; i < count; i++) {
        if (maps[i] == map) pending++;
    }
    uintptr_t *best_value = calloc(count, sizeof(uintptr_t));
    const char **best_name = calloc(count, sizeof(char *));
    int *best_contains = calloc(count, sizeof(int));
    if (pending == 0 || !best_value || !best_name || !best_contains) {
        free(best_value);
        free(best_name);
        free(best_contains);
        elf_close(&file);
        return;
    }
    int cursor = 0;
    elf_symbols table;
    while (elf_symbol_table(&file, &cursor, &table)) {
        for (size_t k = 0; k < table.count; k++) {
            const Elf64_Sym *symbol = &table.symbols[k];
            if (ELF64_ST_TYPE(symbol->st_info) != STT_FUNC || symbol->st_shndx == SHN_UNDEF
                || symbol->st_value == 0) {
                continue;
            }
            const char *name = NULL;
            for (size_t i = 0; i < count; i++) {
                if (maps[i] != map) continue;
                // A return address follows the call: look up the byte before it.
                uintptr_t target = addresses[i] - 1 - map->l_addr;
                if (symbol->st_value > target) continue;
                int contains = target < symbol->st_value + symbol->st_size;
                if (best_name[i] != NULL && (best_contains[i] > contains
                                             || (best_contains[i] == contains && best_value[i] >= symbol->st_value))) {
                    continue;
                }
                if (name == NULL) name = symbol_name(&table, symbol);
                if (name == NULL) break;
                best_value[i] = symbol->st_value;
                best_name[i] = name;
                best_contains[i] = contains;
            }
        }
    }
    for (size_t i = 0; i < count; i++) {
        if (maps[i] != map || best_name[i] == NULL) continue;
        out[i].name = strdup(best_name[i]);
        out[i].offset = addresses[i] - map->l_addr - best_value[i];
    }
    free(best_value);
    free(best_name);
    free(best_contains);
    elf_close(&file);
}

int memprobe_symbolize(const uintptr_t *addresses, size_t count, memprobe_frame_symbol *out) {
    const struct link_map **maps = calloc(count > 0 ? count : 1, sizeof(*maps));
    if (maps == NULL) return 0;
    for (size_t i = 0; i < count; i++) {
        out[i] = (memprobe_frame_symbol){0};
        Dl_info info;
        struct link_map *map = NULL;
        if (addresses[i] == 0 || dladdr1((const void *)(addresses[i] - 1), &info, (void **)&map, RTLD_DL_LINKMAP) == 0
            || map == NULL) {
            continue;
        }
        maps[i] = map;
        out[i].file = object_display_path(map);
        out[i].file_address = addresses[i] - map->l_addr;
        // dladdr's answer (exported symbols only) until the symbol table gives a better one.
        if (info.dli_sname != NULL && info.dli_saddr != NULL) {
            out[i].name = strdup(info.dli_sname);
            out[i].offset = addresses[i] - (uintptr_t)info.dli_saddr;
        }
    }
    for (size_t i = 0; i < count; i++) {
        if (maps[i] == NULL) continue;
        int first = 1;
        for (size_t j = 0; j < i; j++) {
            if (maps[j] == maps[i]) first = 0;
        }
        if (!first) continue;
        // Entries the symbol table names get that name; free dladdr's first.
        memprobe_frame_symbol *saved = calloc(count, sizeof(*saved));
        if (saved == NULL) continue;
        for (size_t j = 0; j < count; j++) {
            if (maps[j] != maps[i]) continue;
            saved[j] = out[j];
            out[j].name = NULL;
        }
        symbolize_object(maps[i], addresses, count, out, maps);
        for (size_t j = 0; j < count; j++) {
            if (maps[j] != maps[i]) continue;
            if (out[j].name == NULL) {
                out[j].name = saved[j].name;
                out[j].offset = saved[j].offset;
            } else {
                free(saved[j].name);
            }
        }
        free(saved);
    }
    free(maps);
    return 1;
}

#else

int memprobe_find_symbol_ranges(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses,
    uintptr_t *sizes, int count) {
    (void)anchor;
    (void)anchor_name;
    (void)names;
    for (int i = 0; i < count; i++) {
        addresses[i] = 0;
        if (sizes) sizes[i] = 0;
    }
    return -1;
}

int memprobe_find_symbols(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses, int count) {
    return memprobe_find_symbol_ranges(anchor, anchor_name, names, addresses, NULL, count);
}

int memprobe_symbolize(const uintptr_t *addresses, size_t count, memprobe_frame_symbol *out) {
    (void)addresses;
    for (size_t i = 0; i < count; i++) out[i] = (memprobe_frame_symbol){0};
    return -1;
}

#endif

void memprobe_frame_symbols_free(memprobe_frame_symbol *symbols, size_t count) {
    for (size_t i = 0; i < count; i++) {
        free(symbols[i].name);
        free(symbols[i].file);
        symbols[i].name = NULL;
        symbols[i].file = NULL;
    }
}

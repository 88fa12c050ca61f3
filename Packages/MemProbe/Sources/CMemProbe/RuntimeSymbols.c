// Reads a loaded ELF file's .symtab from disk (it is not mapped at run time) to find local symbols.
#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "RuntimeSymbols.h"

#if defined(__linux__)

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int within(size_t offset, size_t length, size_t size) {
    return offset <= size && length <= size - offset;
}

int memprobe_find_symbols(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses, int count) {
    for (int i = 0; i < count; i++) addresses[i] = 0;
    Dl_info info;
    if (dladdr(anchor, &info) == 0 || info.dli_fname == NULL) return 0;
    int descriptor = open(info.dli_fname, O_RDONLY | O_CLOEXEC);
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

    int found_anchor = 0;
    uintptr_t anchor_value = 0;
    const Elf64_Ehdr *header = (const Elf64_Ehdr *)file;
    if (memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 || header->e_ident[EI_CLASS] != ELFCLASS64
        || header->e_shentsize != sizeof(Elf64_Shdr)
        || !within(header->e_shoff, (size_t)header->e_shnum * sizeof(Elf64_Shdr), size)) {
        munmap((void *)file, size);
        return 0;
    }
    const Elf64_Shdr *sections = (const Elf64_Shdr *)(file + header->e_shoff);
    for (int s = 0; s < header->e_shnum; s++) {
        if (sections[s].sh_type != SHT_SYMTAB || sections[s].sh_link >= header->e_shnum) continue;
        const Elf64_Shdr *table = &sections[s];
        const Elf64_Shdr *strings = &sections[table->sh_link];
        if (table->sh_entsize != sizeof(Elf64_Sym) || !within(table->sh_offset, table->sh_size, size)
            || !within(strings->sh_offset, strings->sh_size, size)) {
            continue;
        }
        const Elf64_Sym *symbols = (const Elf64_Sym *)(file + table->sh_offset);
        const char *text = (const char *)(file + strings->sh_offset);
        size_t symbol_count = table->sh_size / sizeof(Elf64_Sym);
        for (size_t k = 0; k < symbol_count; k++) {
            if (symbols[k].st_name >= strings->sh_size || symbols[k].st_value == 0) continue;
            const char *name = text + symbols[k].st_name;
            size_t room = strings->sh_size - symbols[k].st_name;
            if (strnlen(name, room) == room) continue;
            if (strcmp(name, anchor_name) == 0) {
                found_anchor = 1;
                anchor_value = symbols[k].st_value;
            }
            for (int i = 0; i < count; i++) {
                if (addresses[i] == 0 && strcmp(name, names[i]) == 0) addresses[i] = symbols[k].st_value;
            }
        }
    }
    munmap((void *)file, size);
    if (!found_anchor) {
        for (int i = 0; i < count; i++) addresses[i] = 0;
        return 0;
    }
    uintptr_t bias = (uintptr_t)anchor - anchor_value;
    for (int i = 0; i < count; i++) {
        if (addresses[i] != 0) addresses[i] += bias;
    }
    return 1;
}

#else

int memprobe_find_symbols(
    const void *anchor, const char *anchor_name, const char *const *names, uintptr_t *addresses, int count) {
    (void)anchor;
    (void)anchor_name;
    (void)names;
    for (int i = 0; i < count; i++) addresses[i] = 0;
    return -1;
}

#endif

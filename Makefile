# Parley: a small x86 teaching kernel about inter-process communication.
#
#   make            build the kernel, the user programs and the initial image
#   make qemu       boot the GRUB ISO in QEMU (VGA window + serial)
#   make qemu-nox   the same, serial console only, in this terminal
#   make qemu-gdb   as qemu, but halted with a gdb server; then `make gdb`
#   make test       run every test (host unit tests and guest tests)
#   make test T=x   run one suite
#   make bench      run the benchmarks in the guest (LINUX=1: and on Linux)
#   make web        build/web/: a page that boots the ISO in the browser (v86)
#   make web-bench  the page beside QEMU: boot time, a pipe round trip
#
# TOOLPREFIX=i686-elf- (for example) overrides the toolchain search.

# ---- toolchain -------------------------------------------------------------
ifndef TOOLPREFIX
TOOLPREFIX := $(shell \
	if i686-linux-gnu-gcc --version >/dev/null 2>&1; then echo i686-linux-gnu-; \
	elif i686-elf-gcc --version >/dev/null 2>&1; then echo i686-elf-; \
	elif gcc -m32 -E -x c /dev/null >/dev/null 2>&1; then echo ''; \
	else echo 'none'; fi)
endif
# not installed yet: tools/deps says how (no comment on the line itself,
# or its blanks would become part of the value)
ifeq ($(TOOLPREFIX),none)
TOOLPREFIX := i686-linux-gnu-
endif

CC      := $(TOOLPREFIX)gcc
LD      := $(TOOLPREFIX)ld
AR      := $(TOOLPREFIX)ar
OBJCOPY := $(TOOLPREFIX)objcopy
NM      := $(TOOLPREFIX)nm
HOSTCC  ?= cc
QEMU    ?= qemu-system-i386
PYTHON  ?= python3

GCCINC  := $(shell $(CC) -m32 -print-file-name=include 2>/dev/null)
LIBGCC  := $(shell $(CC) -m32 -print-libgcc-file-name 2>/dev/null)

# WERROR=1 (CI) turns warnings into errors; students with a newer compiler
# keep building.
WARN    := -Wall -Wextra -Wno-unused-parameter $(if $(WERROR),-Werror)
COMMON  := -m32 -march=i686 -fno-pie -fno-stack-protector -fno-pic \
	-fno-omit-frame-pointer -nostdinc -isystem $(GCCINC) -g $(WARN) \
	-fno-asynchronous-unwind-tables -MMD -MP
# SMALL=1 shrinks buffers and limits so tests provoke full/empty/wrap cases.
# DEBUG=1 builds with -Og for stepping in gdb (variables stay visible).
OPT     := $(if $(DEBUG),-Og,-O2)
KCFLAGS := $(COMMON) $(OPT) -ffunction-sections -fdata-sections -ffreestanding -mgeneral-regs-only -Wmissing-prototypes -Ikernel -Ikernel/uapi $(if $(SMALL),-DPARLEY_SMALL)
# User code is tuned as Debian's i686 compiler tunes Linux programs
# (-mtune=generic): tuned for the i686 itself, gcc inlines every memcpy and
# memset of unknown size as `rep movsb` / `rep stosb`, which QEMU's TCG runs
# one byte per pass through a translated block (a 4 KiB copy 8.6 us, against
# 1.5 us for the library's memcpy: docs/messages.md, "Performance").
UCFLAGS := $(COMMON) $(OPT) -mtune=generic -Ilib/include -Ikernel/uapi $(if $(SMALL),-DPARLEY_SMALL)
LDFLAGS := -m elf_i386 --no-warn-rwx-segments -z noexecstack

B := build

# Objects depend on the build's settings, so that DEBUG=1 or SMALL=1 (and
# back) rebuilds everything instead of mixing objects of both kinds.
CONFIG := $(B)/config.mk
$(shell mkdir -p $(B); echo 'OPT=$(OPT) SMALL=$(SMALL)' | cmp -s - $(CONFIG) || \
	echo 'OPT=$(OPT) SMALL=$(SMALL)' > $(CONFIG))

# ---- kernel ----------------------------------------------------------------
KSRCS := $(wildcard boot/*.S kernel/*.c kernel/*/*.c kernel/*/*.S kernel/*/*/*.c kernel/*/*/*.S)
KOBJS := $(patsubst %,$(B)/%.o,$(basename $(KSRCS)))

# Two links: the first without symbols, the second with the symbol table
# (for panic backtraces) that tools/mksyms makes from the first.  The table
# lies after the code, so the code does not move between the two links.
$(B)/kernel.elf: $(KOBJS) boot/kernel.ld tools/mksyms
	tools/mksyms < /dev/null > $(B)/ksyms0.S
	$(CC) $(KCFLAGS) -c -o $(B)/ksyms0.o $(B)/ksyms0.S
	$(LD) $(LDFLAGS) -T boot/kernel.ld -o $(B)/kernel.tmp $(KOBJS) $(B)/ksyms0.o $(LIBGCC)
	$(NM) -n $(B)/kernel.tmp | tools/mksyms > $(B)/ksyms.S
	$(CC) $(KCFLAGS) -c -o $(B)/ksyms.o $(B)/ksyms.S
	$(LD) $(LDFLAGS) -T boot/kernel.ld -o $@ $(KOBJS) $(B)/ksyms.o $(LIBGCC)

$(B)/boot/%.o: boot/%.S
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c -o $@ $<
$(B)/kernel/%.o: kernel/%.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c -o $@ $<
$(B)/kernel/%.o: kernel/%.S
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c -o $@ $<

# ---- user library ----------------------------------------------------------
LSRCS := $(wildcard lib/src/*.c lib/src/*.S)
LOBJS := $(patsubst %,$(B)/%.o,$(basename $(LSRCS)))
CRT0  := $(B)/lib/crt/crt0.o
LIBC  := $(B)/lib/libc.a

$(LIBC): $(LOBJS)
	rm -f $@
	$(AR) rcs $@ $^
$(B)/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -c -o $@ $<
# float functions written as calls of the double ones must stay calls
$(B)/lib/src/math.o: UCFLAGS += -fno-builtin
$(B)/lib/%.o: lib/%.S
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -c -o $@ $<

# ---- user programs ---------------------------------------------------------
# Every user/*.c is one program in /bin (the benchmark, user/bench.c, among
# them); so is every tests/guest/*.c (the guest test programs) and, when
# ../shared/bench is there, the shared yardstick ipcbench.
UPROGS := $(patsubst user/%.c,%,$(wildcard user/*.c))
# A folder user/NAME/ is one program made of all its .c files (the shell).
UDIRS  := $(patsubst user/%/,%,$(wildcard user/*/))
UPROGS += $(UDIRS)
TPROGS := $(patsubst tests/guest/%.c,%,$(wildcard tests/guest/*.c))
BENCH_SRC := ../shared/bench/ipcbench.c
UBINS  := $(addprefix $(B)/bin/,$(UPROGS) $(TPROGS)) \
	$(if $(wildcard $(BENCH_SRC)),$(B)/bin/ipcbench)

define link_user
	@mkdir -p $(dir $@)
	$(LD) $(LDFLAGS) -T lib/user.ld -o $@ $(CRT0) $(1) $(LIBC) $(LIBGCC)
endef

$(B)/bin/%: $(B)/user/%.o $(CRT0) $(LIBC) lib/user.ld
	$(call link_user,$<)
$(B)/bin/%: $(B)/tests/guest/%.o $(CRT0) $(LIBC) lib/user.ld
	$(call link_user,$<)
define dir_program
$(B)/bin/$(1): $(patsubst %.c,$(B)/%.o,$(wildcard user/$(1)/*.c)) $(CRT0) $(LIBC) lib/user.ld
	$$(call link_user,$(patsubst %.c,$(B)/%.o,$(wildcard user/$(1)/*.c)))
endef
$(foreach d,$(UDIRS),$(eval $(call dir_program,$(d))))
$(B)/bin/ipcbench: $(B)/bench/ipcbench.o $(CRT0) $(LIBC) lib/user.ld
	$(call link_user,$<)

$(B)/user/%.o: user/%.c
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -Iuser -c -o $@ $<
$(B)/tests/guest/%.o: tests/guest/%.c
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -Itests/guest -c -o $@ $<
$(B)/bench/ipcbench.o: $(BENCH_SRC)
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -c -o $@ $<
# Kept, not deleted as intermediate files of the image-bin rule below:
# gdb, the tests and tools/run-in-guest use the programs in build/bin.
.PRECIOUS: $(B)/user/%.o $(B)/tests/guest/%.o $(B)/bin/%
UOBJS := $(patsubst %.c,$(B)/%.o,$(wildcard user/*.c user/*/*.c tests/guest/*.c))
$(KOBJS) $(LOBJS) $(CRT0) $(UOBJS): $(CONFIG)

# tests/headers/NAME.c: one small program per header the library claims,
# built (warnings are errors: a missing declaration fails) and linked (a
# missing function fails) by tests/tools/test_headers.py.
$(B)/headers/%: tests/headers/%.c $(CRT0) $(LIBC) lib/user.ld
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -Werror -Wno-unused-value -c -o $@.o $<
	$(call link_user,$@.o)

# ---- initial filesystem image ----------------------------------------------
$(B)/mkinitrd: tools/mkinitrd.c kernel/uapi/parley/initrd.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -O2 -Wall -Ikernel/uapi -o $@ $<

# The image holds the programs without their debugging sections: a
# quarter of the size, so GRUB reads it from the CD faster (most of the
# boot in the browser's emulator, docs/web.md) and the web page downloads
# less.  gdb reads the programs from build/bin, which keeps them.
IBINS := $(patsubst $(B)/bin/%,$(B)/image-bin/%,$(UBINS))
$(B)/image-bin/%: $(B)/bin/%
	@mkdir -p $(dir $@)
	$(OBJCOPY) --strip-debug $< $@

ROOTFILES := $(shell find rootfs -type f 2>/dev/null)
$(B)/initrd.img: $(B)/mkinitrd $(IBINS) $(ROOTFILES)
	$(B)/mkinitrd $@ $(if $(wildcard rootfs),rootfs) --dir /bin $(IBINS)

# ---- bootable ISO ----------------------------------------------------------
# $(call make_iso,DIR,INITRD): the GRUB ISO $@ of the kernel and INITRD,
# laid out in the staging folder DIR.
define make_iso
	@mkdir -p $(1)/boot/grub
	cp $(B)/kernel.elf $(1)/boot/kernel.elf
	cp $(2) $(1)/boot/initrd.img
	cp boot/grub.cfg $(1)/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(1) 2>$(B)/grub-mkrescue.log || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }
endef
$(B)/parley.iso: $(B)/kernel.elf $(B)/initrd.img boot/grub.cfg
	$(call make_iso,$(B)/iso,$(B)/initrd.img)

# The public targets first check (and, as root, install) what they need,
# then build in a sub-make that sees the freshly installed toolchain.
all:
	@tools/deps build
	@$(MAKE) --no-print-directory build
build: $(B)/kernel.elf $(B)/initrd.img
.DEFAULT_GOAL := all

# ---- running ---------------------------------------------------------------
MEM      ?= 128
# -nic none: no network card, so no iPXE option ROM and its "Press Ctrl-B"
QEMUOPTS := -m $(MEM) -no-reboot -nic none -device isa-debug-exit,iobase=0xf4,iosize=0x04
GDBPORT  := $(shell expr `id -u` % 5000 + 25000)
QEMUGDB  := -S -gdb tcp::$(GDBPORT)

# The firmware turns the terminal's line wrapping off (ESC[?7l) and leaves
# colours set; put them back when QEMU ends, however it ends.
RESTORE_TERMINAL := printf '\033[?7h\033[0m'
# A window where there is a display and QEMU can open one (gtk or sdl, from
# qemu-system-gui); otherwise the serial console in this terminal.
HAVE_WINDOW := [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && \
	$(QEMU) -display help 2>/dev/null | grep -qx -e gtk -e sdl
NOX_RUN = $(QEMU) $(QEMUOPTS) $(CDROM) -nographic; s=$$?; $(RESTORE_TERMINAL); exit $$s
CDROM   := -boot d -cdrom $(B)/parley.iso

qemu:
	@tools/deps gui
	@$(MAKE) --no-print-directory build $(B)/parley.iso
	@if $(HAVE_WINDOW); then \
	    echo "$(QEMU) $(QEMUOPTS) $(CDROM) -serial mon:stdio"; \
	    $(QEMU) $(QEMUOPTS) $(CDROM) -serial mon:stdio; s=$$?; $(RESTORE_TERMINAL); exit $$s; \
	else \
	    echo "make qemu: no display to open a window on, so Parley runs on the serial console here (quit: Ctrl-A X)"; \
	    $(NOX_RUN); \
	fi
qemu-nox:
	@tools/deps run
	@$(MAKE) --no-print-directory build $(B)/parley.iso
	$(NOX_RUN)
qemu-kernel:
	@tools/deps run
	@$(MAKE) --no-print-directory build 
	$(QEMU) $(QEMUOPTS) -kernel $(B)/kernel.elf -initrd $(B)/initrd.img -nographic; \
	    s=$$?; $(RESTORE_TERMINAL); exit $$s

# Remade whenever the port differs (make gdb GDBPORT=N), not only when the
# template changes.
.gdbinit: tools/gdbinit.tmpl FORCE
	@sed "s/localhost:1234/localhost:$(GDBPORT)/" < $< > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi
FORCE:
define gdb_hint
	@echo "*** QEMU is waiting for gdb on port $(GDBPORT). In another terminal, in $(CURDIR), run:"
	@echo "***     make gdb"
	@echo "*** (modern gdb refuses the project's .gdbinit unless you add this line to ~/.gdbinit once:"
	@echo "***     add-auto-load-safe-path $(CURDIR)/.gdbinit )"
endef
qemu-gdb:
	@tools/deps run
	@$(MAKE) --no-print-directory build $(B)/parley.iso .gdbinit
	$(gdb_hint)
	$(QEMU) $(QEMUOPTS) $(CDROM) -serial mon:stdio $(QEMUGDB)
qemu-nox-gdb:
	@tools/deps run
	@$(MAKE) --no-print-directory build $(B)/parley.iso .gdbinit
	$(gdb_hint)
	$(QEMU) $(QEMUOPTS) $(CDROM) -nographic $(QEMUGDB); s=$$?; $(RESTORE_TERMINAL); exit $$s
gdb: .gdbinit
	gdb -q -iex 'set auto-load local-gdbinit off' -x .gdbinit

# ---- the web page (docs/web.md) ---------------------------------------------
# make web: build/web/, a static folder that boots the ISO above in the v86
# emulator in a browser (serve it: cd build/web && python3 -m http.server).
# EXTRA="a.c b.c": the page's image also holds these programs in /bin, put
# there as run-in-guest --src puts them (run-in-guest --image).
WEB      := $(B)/web
WEBSRC   := tools/web
V86      := $(WEBSRC)/node_modules/v86
XTERM    := $(WEBSRC)/node_modules/@xterm/xterm
SEABIOS  := /usr/share/seabios
NPM_DONE := $(WEBSRC)/node_modules/.package-lock.json
WEB_ISO  := $(if $(EXTRA),$(B)/web-extra/parley.iso,$(B)/parley.iso)

# the versions pinned in tools/web/package-lock.json, nothing newer
$(NPM_DONE): $(WEBSRC)/package.json $(WEBSRC)/package-lock.json
	cd $(WEBSRC) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# made anew each time: the EXTRA list itself is no file make could watch
$(B)/web-extra/parley.iso: $(B)/kernel.elf $(B)/initrd.img boot/grub.cfg $(EXTRA) FORCE
	@mkdir -p $(dir $@)
	tools/run-in-guest --no-build --image $(B)/web-extra/initrd.img $(addprefix --src ,$(EXTRA))
	$(call make_iso,$(B)/web-extra/iso,$(B)/web-extra/initrd.img)

web:
	@tools/deps web
	@$(MAKE) --no-print-directory build web-folder

web-folder: $(WEB_ISO) $(NPM_DONE) $(wildcard $(WEBSRC)/*.html $(WEBSRC)/*.js $(WEBSRC)/*.css)
	rm -rf $(WEB)
	mkdir -p $(WEB)/v86 $(WEB)/xterm $(WEB)/bios $(WEB)/LICENSES
	cp $(WEBSRC)/index.html $(WEBSRC)/parley.js $(WEBSRC)/parley.css $(WEB)/
	cp $(V86)/build/libv86.js $(V86)/build/v86.wasm $(V86)/build/v86-fallback.wasm $(WEB)/v86/
	cp $(XTERM)/lib/xterm.js $(XTERM)/css/xterm.css $(WEB)/xterm/
	cp $(SEABIOS)/bios.bin $(SEABIOS)/vgabios-stdvga.bin $(WEB)/bios/
	cp $(V86)/LICENSE $(WEB)/LICENSES/v86.txt
	cp $(XTERM)/LICENSE $(WEB)/LICENSES/xterm.js.txt
	cp /usr/share/doc/seabios/copyright $(WEB)/LICENSES/seabios.txt
	cp $(WEB_ISO) $(WEB)/parley.iso
	@echo "make web: $(WEB)/ is ready; serve it with: cd $(WEB) && python3 -m http.server"

# the page beside QEMU: boot time and a pipe round trip (docs/web.md)
web-bench: web
	tools/web-bench --no-build $(if $(RUNS),--runs $(RUNS))

FORCE:

# ---- tests and benchmarks --------------------------------------------------
test:
	@tools/deps run
	@$(MAKE) --no-print-directory build $(B)/parley.iso
	$(PYTHON) tests/run.py $(T)

# The long fuzz run (docs/robustness.md): CALLS calls, a fresh seed unless
# SEED is given; the guest's console shows the seed to replay.
CALLS ?= 2000000
soak:
	@tools/deps run
	@$(MAKE) --no-print-directory build
	tools/run-in-guest --no-build --timeout $$(( $(CALLS) / 500 + 120 )) -- fuzz -n $(CALLS) $(if $(SEED),-s $(SEED))

# The long stress run (docs/robustness.md): ROUNDS rounds of every
# mechanism, 12 writers of which 4 are killed, a fresh seed unless SEED is
# given (the first line shows it).
ROUNDS ?= 100
stress-soak:
	@tools/deps run
	@$(MAKE) --no-print-directory build
	tools/run-in-guest --no-build --timeout $$(( $(ROUNDS) * 10 + 120 )) -- stress -w 12 -k 4 -n $(ROUNDS) -s $(if $(SEED),$(SEED),$$(date +%s))

# make grade: the tests as a score table by mechanism (tests/grading.txt);
# GRADE_JSON=out.json also writes it for an autograder.
grade:
	@tools/deps run
	@$(MAKE) --no-print-directory build $(B)/parley.iso
	tools/grade $(if $(GRADE_JSON),--json $(GRADE_JSON)) $(T)

# make lab-NAME: a branch lab-NAME in the lab's starting state (docs/labs/);
# make lab-grade-NAME: the lab's tests as a score table.
lab-grade-%:
	@$(MAKE) --no-print-directory build $(B)/parley.iso
	tools/lab grade $*
lab-%:
	tools/lab start $*

# make bench [LINUX=1] [SCALE=n]: figures, build/bench/table.md and
# build/bench/ipc-cost.svg.  LINUX=1 also runs Debian's Linux under the same
# QEMU (needs ../shared/bench and libc6-dev-i386-cross, which tools/deps
# installs).  bench-check compares with tools/bench-baseline.txt; never fails.
bench:
	@tools/deps $(if $(LINUX),linux,run)
	@$(MAKE) --no-print-directory build
	tools/bench $(if $(LINUX),--linux) $(SCALE)
bench-check:
	@tools/deps run
	@$(MAKE) --no-print-directory build
	tools/bench --check $(SCALE)

# ---- dependencies ----------------------------------------------------------
clean:
	rm -rf $(B) .gdbinit

.PHONY: FORCE all build qemu qemu-nox qemu-kernel qemu-gdb qemu-nox-gdb gdb test soak stress-soak grade bench bench-check clean web web-folder web-bench

-include $(shell find $(B) -name '*.d' 2>/dev/null)

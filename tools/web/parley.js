/*
 * Parley in a web page: boots build/web/parley.iso in v86 and joins its
 * first serial port (COM1, Parley's console) to an xterm.js terminal.
 *
 * The page's address may carry options (for an instructor's page or an
 * iframe, docs/web.md):
 *   ?run=CMD   type CMD at the shell once it is up (e.g. ?run=demo_pipe)
 *   ?vga=1     show the VGA screen beside the terminal
 *   ?mem=MIB   memory size (default 128, as `make qemu`)
 *   ?embed=1   no heading or footer, for an iframe
 *
 * window.parley is the page's interface for scripts and the test
 * (tests/tools/test_web.py): type(line), key(bytes), reset(), text() (the
 * terminal's text), and the boot's stage, bootSeconds (from the emulator's
 * start to the shell's first prompt) and promptSeconds (the same moment,
 * from the page's navigation: downloads included), and stageSeconds (when
 * each stage of the boot began, from the emulator's start).
 */
"use strict";

(function () {
    const params = new URLSearchParams(location.search);
    const MEMORY_MIB = Number(params.get("mem")) || 128;
    const STAGES = ["load", "bios", "grub", "kernel", "shell"];
    // What the console says when each stage begins.
    const GRUB_BOOTING = "Booting `Parley'";
    const KERNEL_BANNER = /Parley [0-9.]+: /;
    const PROMPT = "$ ";

    const statusLine = document.getElementById("status");
    const parley = window.parley = {
        stage: "load", bootSeconds: null, promptSeconds: null, startedAt: null,
        stageSeconds: {},       // when each stage began, from startedAt
        emulator: null, term: null,
    };

    if (params.get("embed"))
        document.body.classList.add("embed");

    // ---- the terminal --------------------------------------------------
    const term = parley.term = new Terminal({
        cols: 80, rows: 30, scrollback: 5000, cursorBlink: true,
        fontFamily: "\"DejaVu Sans Mono\", monospace", fontSize: 14,
        lineHeight: 1.2,            // 1.0 clips the underscores
        theme: { background: "#101418", foreground: "#d8dee4" },
    });
    term.open(document.getElementById("terminal"));

    // The terminal's text, one line per row, trailing blanks removed.
    parley.text = function () {
        const buffer = term.buffer.active;
        const lines = [];
        for (let i = 0; i < buffer.length; i++)
            lines.push(buffer.getLine(i).translateToString(true));
        return lines.join("\n").replace(/\n+$/, "\n");
    };

    // ---- the boot's progress -------------------------------------------
    function setStatus(text) {
        statusLine.textContent = text;
    }

    function enterStage(stage) {
        parley.stage = stage;
        parley.stageSeconds[stage] = parley.startedAt === null ? 0 : elapsed();
        const reached = STAGES.indexOf(stage);
        for (const li of document.querySelectorAll("#stages li")) {
            const i = STAGES.indexOf(li.dataset.stage);
            li.className = i < reached ? "done" : i === reached ? "now" : "";
        }
    }

    function elapsed() {
        return (performance.now() - parley.startedAt) / 1000;
    }

    // The console's last few characters, enough to see each stage's mark.
    let tail = "";

    function watchBoot(text) {
        tail = (tail + text).slice(-200);
        if (parley.stage === "shell")
            return watchEnd();
        if (parley.stage === "bios" && tail.includes(GRUB_BOOTING)) {
            enterStage("grub");
            setStatus("GRUB is loading the kernel and the initial image…");
        }
        if (parley.stage === "grub" && KERNEL_BANNER.test(tail)) {
            enterStage("kernel");
            setStatus("the kernel is starting…");
            tail = "";
        }
        if (parley.stage === "kernel" && tail.endsWith(PROMPT)) {
            enterStage("shell");
            parley.bootSeconds = elapsed();
            if (parley.promptSeconds === null)      // the page's first boot
                parley.promptSeconds = performance.now() / 1000;
            setStatus("the shell is ready: booted in " +
                      parley.bootSeconds.toFixed(1) + " s");
            firstCommand();
        }
    }

    // A panic (or a power-off, after an autorun command) halts the
    // machine for good: say so.
    function watchEnd() {
        const off = /poweroff: status (\d+)/.exec(tail);
        if (off || tail.includes("KERNEL PANIC")) {
            parley.stage = "off";
            setStatus((off ? "the machine is off (poweroff, status " + off[1] + ")"
                           : "the kernel panicked") + ": press reset to boot again");
            tail = "";
        }
    }

    let ranFirstCommand = false;

    function firstCommand() {
        const run = params.get("run");
        if (run && !ranFirstCommand) {
            ranFirstCommand = true;
            parley.type(run);
        }
    }

    // ---- the serial console --------------------------------------------
    // Bytes arrive one at a time; they are handed to the terminal in
    // batches, which it draws far faster than byte by byte.
    let pending = [];
    let flushScheduled = false;

    function flushOutput() {
        flushScheduled = false;
        const bytes = new Uint8Array(pending);
        pending = [];
        term.write(bytes);
        watchBoot(String.fromCharCode.apply(null, bytes));
    }

    function serialByte(byte) {
        pending.push(byte);
        if (!flushScheduled) {
            flushScheduled = true;
            setTimeout(flushOutput, 5);
        }
    }

    parley.key = function (bytes) {
        parley.emulator.serial0_send(bytes);
    };

    // A command line, as if typed and ended with Enter.
    parley.type = function (line) {
        parley.key(line + "\r");
        term.focus();
    };

    term.onData(data => parley.key(data));

    // ---- the machine ---------------------------------------------------
    const emulator = parley.emulator = new V86({
        wasm_path: "v86/v86.wasm",
        memory_size: MEMORY_MIB * 1024 * 1024,
        vga_memory_size: 8 * 1024 * 1024,
        bios: { url: "bios/bios.bin" },
        vga_bios: { url: "bios/vgabios-stdvga.bin" },
        cdrom: { url: "parley.iso" },
        screen_container: document.getElementById("screen"),
        // Input comes through the serial console only: with v86's own
        // keyboard on as well, every key would arrive twice.
        disable_keyboard: true,
        disable_mouse: true,
        disable_speaker: true,
        autostart: true,
    });

    parley.startedAt = performance.now();
    enterStage("load");

    emulator.add_listener("download-progress", e => {
        if (!e.lengthComputable || !/parley\.iso$/.test(e.file_name))
            return;
        const mib = n => (n / (1024 * 1024)).toFixed(1);
        setStatus("downloading the Parley image: " + mib(e.loaded) +
                  " of " + mib(e.total) + " MiB");
    });
    emulator.add_listener("download-error", e => {
        setStatus("cannot download " + e.file_name + ": serve this folder " +
                  "with a web server (python3 -m http.server), not file://");
    });
    emulator.add_listener("emulator-started", () => {
        if (parley.stage === "load") {
            enterStage("bios");
            setStatus("SeaBIOS is starting the machine…");
        }
    });
    emulator.add_listener("serial0-output-byte", serialByte);

    // ---- the buttons ---------------------------------------------------
    for (const button of document.querySelectorAll("[data-run]"))
        button.addEventListener("click", () => parley.type(button.dataset.run));
    for (const button of document.querySelectorAll("[data-key]"))
        button.addEventListener("click", () => {
            parley.key(button.dataset.key);
            term.focus();
        });

    parley.reset = function () {
        emulator.restart();
        term.reset();
        tail = "";
        parley.bootSeconds = null;
        parley.stageSeconds = {};
        parley.startedAt = performance.now();
        enterStage("bios");
        setStatus("reset: SeaBIOS is starting the machine again…");
        term.focus();
    };
    document.getElementById("reset").addEventListener("click", parley.reset);

    const showVga = document.getElementById("show-vga");
    function updateVga() {
        document.getElementById("screen").hidden = !showVga.checked;
    }
    showVga.checked = Boolean(params.get("vga"));
    showVga.addEventListener("change", updateVga);
    updateVga();

    if (typeof WebAssembly !== "object")
        setStatus("this browser has no WebAssembly, which v86 needs");
    term.focus();
})();

// Which platform an executable was built for, read from its header (ELF,
// Mach-O, PE), so the extension never runs a bundled server built for
// another machine, and the package script knows which VS Code target a
// .vsix is for.

/** How many bytes of a file {@link binaryTarget} needs at most. */
export const HEADER_BYTES = 4096;

/**
 * A VS Code target as `vsce package --target` names it, which is Node's
 * `${process.platform}-${process.arch}`: `linux-x64`, `darwin-arm64`,
 * `win32-x64`… A Mach-O universal binary is `darwin-universal`.
 */
export type Target = string;

const ELF_MACHINES: Record<number, string> = { 3: 'ia32', 40: 'arm', 62: 'x64', 183: 'arm64' };
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const PE_MACHINES: Record<number, string> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };

/** The target of an executable whose first bytes are `header`; undefined when it is none this knows. */
export function binaryTarget(header: Uint8Array): Target | undefined {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const has = (n: number) => header.byteLength >= n;
  // ELF: \x7fELF, EI_DATA at 5 (1: little-endian), EI_OSABI at 7, e_machine at 18.
  if (has(20) && header[0] === 0x7f && header[1] === 0x45 && header[2] === 0x4c && header[3] === 0x46) {
    const arch = ELF_MACHINES[view.getUint16(18, header[5] === 1)];
    const platform = header[7] === 9 ? 'freebsd' : 'linux';
    return arch ? `${platform}-${arch}` : undefined;
  }
  if (has(8)) {
    const magic = view.getUint32(0, false);
    if (magic === 0xcafebabe) {
      return 'darwin-universal';
    }
    // 64-bit Mach-O, little-endian: CF FA ED FE, then the CPU type.
    if (magic === 0xcffaedfe) {
      const arch = MACHO_CPUS[view.getUint32(4, true)];
      return arch ? `darwin-${arch}` : undefined;
    }
  }
  // PE: MZ, the PE header's offset at 0x3c, "PE\0\0", then the machine.
  if (has(0x40) && header[0] === 0x4d && header[1] === 0x5a) {
    const pe = view.getUint32(0x3c, true);
    if (has(pe + 6) && view.getUint32(pe, false) === 0x50450000) {
      const arch = PE_MACHINES[view.getUint16(pe + 4, true)];
      return arch ? `win32-${arch}` : undefined;
    }
  }
  return undefined;
}

/** Can a machine of `platform`-`arch` (Node's names) run an executable of `target`? */
export function runsOn(target: Target, platform: string, arch: string): boolean {
  if (target === 'darwin-universal') {
    return platform === 'darwin';
  }
  // Exactly: x64 under emulation on an Arm machine may or may not work, and
  // the server on PATH is the better bet.
  return target === `${platform}-${arch}`;
}

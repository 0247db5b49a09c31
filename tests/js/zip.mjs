// A small .zip writer for the tests: stored and deflated entries, written
// the way common tools write them (local header, data, central directory,
// end record), with knobs for the cases a reader must survive — an
// encrypted flag, another compression method, a directory that lies about
// an entry's size, a data descriptor in place of the local header's sizes.
import { deflateRawSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The archive's bytes. Each entry: `{ name, data, method = 8, flags = 0,
 * size (what the directory says the unpacked size is), packed (the bytes
 * written in place of the packed data), descriptor }`;
 * `entryCount` overrides the end record's count (0xffff says ZIP64).
 */
export function zip(entries, { entryCount } = {}) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    const method = e.method ?? 8;
    const packed = e.packed ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(e.name);
    const flags = (e.flags ?? 0) | (e.descriptor ? 8 : 0) | 0x800;
    const crc = crc32(data);
    const size = e.size ?? data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(method, 8);
    if (!e.descriptor) {
      head.writeUInt32LE(crc, 14);
      head.writeUInt32LE(packed.length, 18);
      head.writeUInt32LE(size, 22);
    }
    head.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(e.descriptor ? 16 : 0);
    if (e.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    local.push(head, name, packed, descriptor);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += head.length + name.length + packed.length + descriptor.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entryCount ?? entries.length, 8);
  end.writeUInt16LE(entryCount ?? entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/// Big-endian byte building for associated data and manifest plaintexts (Docs/FORMAT.md).
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  mutating func append(_ ascii: StaticString) {
    ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

  mutating func append(u8 value: UInt8) { bytes.append(value) }

  mutating func append(u32 value: UInt32) {
    for shift in stride(from: 24, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  mutating func append(u64 value: UInt64) {
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
}

/// Reads what ``ByteWriter`` wrote; every read fails (returns `nil`) past the end.
struct ByteReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func read(count: Int) -> [UInt8]? {
    guard count >= 0, bytes.count - offset >= count else { return nil }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func readU8() -> UInt8? { read(count: 1)?.first }

  mutating func readU32() -> UInt32? {
    guard let raw = read(count: 4) else { return nil }
    return raw.reduce(0) { $0 << 8 | UInt32($1) }
  }

  mutating func readU64() -> UInt64? {
    guard let raw = read(count: 8) else { return nil }
    return raw.reduce(0) { $0 << 8 | UInt64($1) }
  }
}

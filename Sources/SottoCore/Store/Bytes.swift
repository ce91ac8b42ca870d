/// Big-endian byte building for associated data and manifest plaintexts (Docs/FORMAT.md).
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  mutating func append(_ ascii: StaticString) {
    ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

  mutating func append(u8 value: UInt8) { bytes.append(value) }

  mutating func append(u16 value: UInt16) {
    bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    bytes.append(UInt8(truncatingIfNeeded: value))
  }

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

  mutating func readU8() -> UInt8? {
    guard offset < bytes.count else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func readU16() -> UInt16? {
    guard let value = readBigEndian(count: 2) else { return nil }
    return UInt16(truncatingIfNeeded: value)
  }

  mutating func readU32() -> UInt32? {
    guard let value = readBigEndian(count: 4) else { return nil }
    return UInt32(truncatingIfNeeded: value)
  }

  mutating func readU64() -> UInt64? { readBigEndian(count: 8) }

  /// Reads without making an array: a manifest holds five integers for every record.
  private mutating func readBigEndian(count: Int) -> UInt64? {
    guard bytes.count - offset >= count else { return nil }
    defer { offset += count }
    var value: UInt64 = 0
    for index in offset..<offset + count { value = value << 8 | UInt64(bytes[index]) }
    return value
  }
}

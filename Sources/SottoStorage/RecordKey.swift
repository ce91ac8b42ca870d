/// A record id as two words: hashing, comparing and storing it costs no allocation, unlike a
/// 16-element array.
///
/// For 16-byte ids (every id Sotto writes) the order is the byte order of the id, the order of
/// the records table's primary key and of the manifest's buckets.
public struct RecordKey: Hashable, Comparable, Sendable {
  public var high: UInt64
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  public init(_ bytes: [UInt8]) {
    self = RecordKey(bytes.span)
  }

  public init(_ bytes: Span<UInt8>) {
    var high: UInt64 = 0
    var low: UInt64 = 0
    for index in 0..<min(bytes.count, 16) {
      let byte = UInt64(bytes[index])
      if index < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
    }
    // Ids of other lengths (only in tampered files) still get distinct keys.
    self.high = high ^ UInt64(truncatingIfNeeded: bytes.count == 16 ? 0 : bytes.count) << 56
    self.low = low
  }

  /// The 16 id bytes, big-endian.
  public var bytes: [UInt8] {
    var out = [UInt8](repeating: 0, count: 16)
    for index in 0..<8 {
      out[index] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * index))
      out[index + 8] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * index))
    }
    return out
  }

  public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}

/// 16 bytes held as two big-endian words: compared and hashed without an allocation. Digests
/// and tags are two of them, kept apart as types so that one is never passed for the other.
public protocol SixteenBytes: Hashable, Sendable {
  var high: UInt64 { get }
  var low: UInt64 { get }
  init(high: UInt64, low: UInt64)
}

extension SixteenBytes {
  /// The value held in `bytes` (16 bytes; other lengths, only in tampered files, never match
  /// a value Sotto wrote).
  public init(_ bytes: Span<UInt8>) {
    let key = RecordKey(bytes)
    self.init(high: key.high, low: key.low)
  }

  public init(_ bytes: [UInt8]) {
    self = Self(bytes.span)
  }

  /// The 16 bytes.
  public var bytes: [UInt8] { RecordKey(high: high, low: low).bytes }
}

/// A 16-byte BLAKE2b digest of a record or a manifest bucket.
public struct RecordDigest: SixteenBytes {
  public var high: UInt64
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }
}

/// A record's tag (format 2): 16 random bytes drawn again on every write of the row.
///
/// The tag is bound into the record's associated data and listed in the manifest, so an older
/// copy of a row (which carries its older tag) fails against the manifest; unlike format 1's
/// revision, it says nothing about how often an entry was edited.
public struct RecordTag: SixteenBytes {
  public var high: UInt64
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }
}

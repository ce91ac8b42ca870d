import SottoModel

/// One version of an entry as a record holds it (format 2): the entry, or a tombstone, with
/// the stamp that sync will order versions by.
struct RecordVersion: Sendable, Equatable {
  /// The entry; `nil` for a deleted entry (a tombstone, which keeps its row and its size).
  var entry: Entry?
  /// 1 when the entry was created, +1 on every edit and on its deletion (what `show` prints).
  var revision: UInt64
  /// The random id of the device that wrote this version (drawn at `init` or migration).
  var device: UInt64
  /// A hybrid logical clock: Unix milliseconds shifted left 16 bits, plus a counter.
  var hlc: UInt64
  /// What the writer had seen of this entry: for each device, the newest clock among the
  /// versions this one replaced (Docs/SYNC.md, "Merging"). Empty for a new entry.
  var context: [UInt64: UInt64] = [:]
  /// The other versions still open after sync met concurrent changes (a conflict), newest
  /// first; empty nearly always. Only the version shown carries them.
  var others: [RecordVersion] = []

  /// The version's stamp: who wrote it, and when in its clock.
  var stamp: VersionStamp { VersionStamp(device: device, hlc: hlc) }

  /// This version and the others still open, the shown one first.
  var heads: [RecordVersion] {
    var shown = self
    shown.others = []
    return [shown] + others
  }
}

/// The plaintext of a record, format 2: `{"v":2,"versions":[...]}` in UTF-8 JSON, padded to
/// a size class (Docs/FORMAT.md §4).
///
/// JSON keeps the format readable by any language with a libsodium binding; the entry is written
/// and read with SottoModel's own JSON reader and writer, which are much faster than
/// Foundation's coders on the 100,000-record reads the design calls for. The inbox keeps
/// format 1's `{"entry":...,"v":1}`: quick capture has no key, so it cannot stamp a version.
enum RecordCodec {
  /// The record plaintext version this code writes and reads.
  static let version: Int64 = 2
  /// The plaintext version of inbox rows (and of format 1's records).
  static let inboxVersion: Int64 = 1
  /// More versions than sync could ever leave open at once: a bound for hostile input.
  static let maxVersions = 64
  /// More devices than one person's journal could ever sync: a bound for hostile input.
  static let maxContextDevices = 256

  // MARK: Sizes

  /// The smallest size class, in bytes of padded plaintext: nearly every entry fits in it.
  static let sizeClassBase = 512

  /// The padded size of a plaintext of `count` bytes: the smallest `512·2^k` above `count`
  /// (padding always adds at least one byte).
  static func sizeClass(for count: Int) -> Int {
    var size = sizeClassBase
    while size <= count { size *= 2 }
    return size
  }

  /// Whether `count` is a size class, as every padded plaintext of format 2 is.
  static func isSizeClass(_ count: Int) -> Bool {
    count >= sizeClassBase && count % sizeClassBase == 0
      && (count / sizeClassBase) & (count / sizeClassBase - 1) == 0
  }

  /// Pads `bytes` to its size class into `buffer` (Sodium's padding: 0x80, then zeros).
  static func pad(_ bytes: [UInt8], into buffer: inout [UInt8]) {
    Sodium.pad(bytes, block: sizeClass(for: bytes.count), into: &buffer)
  }

  /// The length of the first `count` bytes of `bytes` without their padding; `nil` unless
  /// `count` is a size class and the padding is well formed.
  static func unpaddedLength(_ bytes: [UInt8], count: Int) -> Int? {
    guard isSizeClass(count) else { return nil }
    return Sodium.unpaddedLength(bytes, count: count, block: count)
  }

  // MARK: Records

  /// Writes the record JSON of `version`, and of the others still open after it, into
  /// `writer`, emptied first. Keys are sorted.
  static func encodeUnpadded(_ version: RecordVersion, into writer: inout JSONWriter) {
    writer.reset()
    writer.beginObject()
    writer.key("v")
    writer.int(Self.version)
    writer.key("versions")
    writer.beginArray()
    write(version, to: &writer)
    for other in version.others { write(other, to: &writer) }
    writer.endArray()
    writer.endObject()
  }

  /// Writes one version's object (its `others` are the caller's to write), leaving `device`
  /// out when it is `author`, the writer of the change file that carries it.
  static func write(
    _ version: RecordVersion, to writer: inout JSONWriter, author: UInt64? = nil
  ) {
    writer.beginObject()
    if !version.context.isEmpty {
      writer.key("context")
      writer.beginObject()
      for (device, hlc) in version.context.sorted(by: { $0.key < $1.key }) {
        writer.key(plain: hex(word: device))
        writer.string(hex(word: hlc))
      }
      writer.endObject()
    }
    if version.entry == nil {
      writer.key("deleted")
      writer.bool(true)
    }
    // A change file's versions by its author leave the device out (Docs/SYNC.md §4).
    if version.device != author {
      writer.key("device")
      writer.string(hex(word: version.device))
    }
    if let entry = version.entry {
      writer.key("entry")
      entry.write(to: &writer)
    }
    // As hex, like the device: JSON numbers are exact only up to 2^53 in most readers.
    writer.key("hlc")
    writer.string(hex(word: version.hlc))
    writer.key("revision")
    writer.int(Int64(bitPattern: version.revision))
    writer.endObject()
  }

  /// The record JSON of `version`, before padding.
  static func encodeUnpadded(_ version: RecordVersion) -> [UInt8] {
    var writer = JSONWriter()
    encodeUnpadded(version, into: &writer)
    return writer.bytes
  }

  /// Decodes the first `count` bytes of `bytes`, already unpadded, into the record's versions
  /// (the one shown first); `nil` for anything malformed (never traps on hostile input).
  static func decodeRecord(json bytes: [UInt8], count: Int) -> [RecordVersion]? {
    var versions: [RecordVersion] = []
    guard decodeRecord(json: bytes, count: count, each: { versions.append($0) }) else {
      return nil
    }
    return versions
  }

  /// Decodes the record's first version, the one shown, with the others still open in its
  /// ``RecordVersion/others``; `nil` for anything malformed. The path of every read.
  static func decodeShown(json bytes: [UInt8], count: Int) -> RecordVersion? {
    var shown: RecordVersion?
    guard
      decodeRecord(
        json: bytes, count: count,
        each: { version in
          if shown == nil { shown = version } else { shown!.others.append(version) }
        })
    else { return nil }
    return shown
  }

  /// Calls `each` with every version, in order; false for anything malformed.
  private static func decodeRecord(
    json bytes: [UInt8], count: Int, each: (RecordVersion) -> Void
  ) -> Bool {
    var reader = JSONReader(bytes, count: count)
    var versions = 0
    var plaintextVersion: Int64?
    var malformed = false
    do {
      try reader.readObject { reader, key throws(JSONReader.Failure) in
        switch key {
        case "v": plaintextVersion = try reader.readInt()
        case "versions":
          guard versions == 0 else {
            malformed = true
            try reader.skipValue()
            return
          }
          try reader.readArray { reader throws(JSONReader.Failure) in
            if versions < maxVersions, let version = try readVersion(&reader) {
              versions += 1
              each(version)
            } else {
              malformed = true
              try reader.skipValue()
            }
          }
        default: try reader.skipValue()
        }
      }
      try reader.expectEnd()
    } catch {
      return false
    }
    return plaintextVersion == Self.version && versions > 0 && !malformed
  }

  /// Reads one version; `nil` when its fields are missing or out of range. A version without
  /// `device` was written by `author` (in a change file); in a record, `device` is required.
  static func readVersion(_ reader: inout JSONReader, author: UInt64? = nil)
    throws(JSONReader.Failure) -> RecordVersion?
  {
    var entry: Entry?
    var deleted = false
    var device: UInt64?
    var hlc: UInt64?
    var revision: Int64?
    var context: [UInt64: UInt64] = [:]
    var contextMalformed = false
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      switch key {
      case "context":
        contextMalformed = try !readDeviceMap(&reader, into: &context) {
          reader throws(JSONReader.Failure) in try reader.readString(parsing: word(hexDigits:))
        }
      case "deleted": deleted = try reader.readBool()
      case "device": device = try reader.readString(parsing: word(hexDigits:))
      case "entry": entry = try Entry(from: &reader)
      case "hlc": hlc = try reader.readString(parsing: word(hexDigits:))
      case "revision": revision = try reader.readInt()
      // Keys a later version may add are skipped.
      default: try reader.skipValue()
      }
    }
    guard let device = device ?? author, let hlc, let revision, revision >= 1,
      deleted == (entry == nil), !contextMalformed
    else { return nil }
    return RecordVersion(
      entry: entry, revision: UInt64(revision), device: device, hlc: hlc, context: context)
  }

  /// Reads an object keyed by device ids (16 hex digits) into `map`, each value read by
  /// `value`; false when a key is not a device id or comes twice, a value is refused, or
  /// there are more than ``maxContextDevices`` (a version's context, a snapshot's covers).
  static func readDeviceMap<Value>(
    _ reader: inout JSONReader, into map: inout [UInt64: Value],
    value: (inout JSONReader) throws(JSONReader.Failure) -> Value?
  ) throws(JSONReader.Failure) -> Bool {
    var wellFormed = true
    try reader.readObject { reader, key throws(JSONReader.Failure) in
      let read = try value(&reader)
      guard wellFormed, map.count < maxContextDevices, let read,
        let device = key.shortBytes.flatMap({ word(hexDigits: $0.span) }),
        map.updateValue(read, forKey: device) == nil
      else {
        wellFormed = false
        return
      }
    }
    return wellFormed
  }

  /// A device id as 16 lowercase hex digits, big-endian.
  static func hex(word: UInt64) -> String {
    Hex.encode((0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * $0)) })
  }

  /// The word that 16 lowercase hex digits spell; `nil` for anything else. Read for every
  /// record, so without making a string or an array.
  static func word(hexDigits digits: Span<UInt8>) -> UInt64? {
    guard digits.count == 16 else { return nil }
    var value: UInt64 = 0
    for index in digits.indices {
      let digit = digits[index]
      let nibble: UInt8
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
      default: return nil
      }
      value = value << 4 | UInt64(nibble)
    }
    return value
  }

  // MARK: The inbox (and format 1)

  /// The padded inbox plaintext of `entry`: `{"entry":...,"v":1}`, padded to a size class
  /// (format 2) or to 256-byte blocks (`format1`, a journal not yet migrated).
  static func encodeInbox(_ entry: Entry, format1: Bool = false) -> [UInt8] {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("entry")
    entry.write(to: &writer)
    writer.key("v")
    writer.int(inboxVersion)
    writer.endObject()
    var padded: [UInt8] = []
    if format1 {
      Sodium.pad(writer.bytes, block: Format1.paddingBlock, into: &padded)
    } else {
      pad(writer.bytes, into: &padded)
    }
    return padded
  }

  /// Decodes a padded inbox plaintext; `nil` for anything malformed.
  static func decodeInbox(_ padded: [UInt8]) -> Entry? {
    guard let json = inboxJSON(padded) else { return nil }
    return decodeFormat1(json: padded, count: json.count)
  }

  /// The JSON of a padded inbox plaintext, without its padding (either padding: both end in
  /// 0x80 and zeros, so the whole plaintext serves as the block); `nil` when malformed.
  static func inboxJSON(_ padded: [UInt8]) -> ArraySlice<UInt8>? {
    guard !padded.isEmpty,
      let length = Sodium.unpaddedLength(padded, count: padded.count, block: padded.count)
    else { return nil }
    return padded[..<length]
  }

  /// Decodes `{"entry":...,"v":1}` from the first `count` bytes of `bytes`, already unpadded.
  static func decodeFormat1(json bytes: [UInt8], count: Int) -> Entry? {
    var reader = JSONReader(bytes, count: count)
    var entry: Entry?
    var version: Int64?
    do {
      try reader.readObject { reader, key throws(JSONReader.Failure) in
        switch key {
        case "entry": entry = try Entry(from: &reader)
        case "v": version = try reader.readInt()
        default: try reader.skipValue()
        }
      }
      try reader.expectEnd()
    } catch {
      return nil
    }
    guard version == inboxVersion else { return nil }
    return entry
  }
}

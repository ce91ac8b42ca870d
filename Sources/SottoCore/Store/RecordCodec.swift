import SottoModel

/// The plaintext of a record: `{"entry":{...},"v":1}` in UTF-8 JSON, padded to 256-byte blocks.
///
/// JSON keeps the format readable by any language with a libsodium binding (Docs/FORMAT.md,
/// "Records"); `v` lets a later version change the entry encoding. The entry is written and read
/// with SottoModel's own JSON reader and writer, which are much faster than Foundation's coders
/// on the 100,000-record reads the design calls for.
enum RecordCodec {
  /// The plaintext encoding version this code writes and reads.
  static let version: Int64 = 1

  static func encode(_ entry: Entry) -> [UInt8] {
    Sodium.pad(encodeUnpadded(entry), block: Vault.paddingBlock)
  }

  /// The JSON before padding.
  static func encodeUnpadded(_ entry: Entry) -> [UInt8] {
    var writer = JSONWriter()
    encodeUnpadded(entry, into: &writer)
    return writer.bytes
  }

  /// Writes the JSON before padding into `writer`, emptied first.
  static func encodeUnpadded(_ entry: Entry, into writer: inout JSONWriter) {
    writer.reset()
    writer.beginObject()
    writer.key("entry")
    entry.write(to: &writer)
    writer.key("v")
    writer.int(version)
    writer.endObject()
  }

  /// Decodes a padded plaintext; `nil` for anything malformed (never traps on hostile input).
  static func decode(_ padded: [UInt8]) -> Entry? {
    guard
      let length = Sodium.unpaddedLength(
        padded, count: padded.count, block: Vault.paddingBlock)
    else { return nil }
    return decode(json: padded, count: length)
  }

  /// Decodes the first `count` bytes of `bytes`, already unpadded.
  static func decode(json bytes: [UInt8], count: Int) -> Entry? {
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
    guard version == Self.version else { return nil }
    return entry
  }
}

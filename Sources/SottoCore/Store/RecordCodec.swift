import Foundation
import SottoModel

/// The plaintext of a record: `{"v":1,"entry":{...}}` in UTF-8 JSON, padded to 256-byte blocks.
///
/// JSON keeps the format readable by any language with a libsodium binding (Docs/FORMAT.md,
/// "Record plaintext"); `v` lets a later version change the entry encoding.
enum RecordCodec {
  /// The plaintext encoding version this code writes and reads.
  static let version = 1

  private struct Envelope: Codable {
    var v: Int
    var entry: Entry
  }

  static func encode(_ entry: Entry) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values with finite numbers cannot fail; validation ran before.
    let json = (try? encoder.encode(Envelope(v: version, entry: entry))) ?? Data()
    return Sodium.pad(Array(json), block: Vault.paddingBlock)
  }

  /// Decodes a padded plaintext; `nil` for anything malformed (never traps on hostile input).
  static func decode(_ padded: [UInt8]) -> Entry? {
    guard let json = Sodium.unpad(padded, block: Vault.paddingBlock),
      let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(json)),
      envelope.v == version
    else { return nil }
    return envelope.entry
  }
}

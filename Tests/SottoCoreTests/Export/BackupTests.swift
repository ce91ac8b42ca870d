import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct BackupTests {
  /// Enough entries (with long notes) for the backup to span several 64 KiB chunks.
  static let entries = urges(400, noteLength: 300)

  /// `count` urges with notes of `noteLength` characters and ids that sort in their order.
  static func urges(_ count: Int, noteLength: Int) -> [Entry] {
    (0..<count).map { index in
      var urge = Fixtures.urge
      urge.note = "note \(index) " + String(repeating: "x", count: noteLength)
      return Entry(
        id: EntryID(
          bytes: [UInt8(index >> 8), UInt8(index & 0xFF)] + [UInt8](repeating: 7, count: 14))!,
        at: Timestamp(unixSeconds: 1_795_600_000 + Int64(index) * 60, utcOffsetSeconds: 3600),
        body: .urge(urge))
    }
  }

  static let sealed: Data = try! Backup.seal(
    entries, passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf,
    createdAt: Date(timeIntervalSince1970: 1_795_600_000))

  /// The byte offsets of each chunk's length field.
  static var chunkOffsets: [Int] {
    var offsets: [Int] = []
    var offset = Backup.headerBytes
    let bytes = [UInt8](sealed)
    while offset < bytes.count {
      offsets.append(offset)
      let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      offset += 4 + length
    }
    return offsets
  }

  private func expectRefused(_ data: Data, code: SottoError.Code = .damaged, _ what: String) {
    do {
      _ = try Backup.open(data, passphrase: Fixtures.passphrase())
      Issue.record("\(what) was accepted")
    } catch {
      #expect(error.code == code, "\(what): \(error.message)")
    }
  }

  @Test func aBackupWrittenInPiecesOpensWhole() throws {
    // Over a megabyte: more chunks than one piece holds, so the writer is called several times.
    let large = Self.urges(350, noteLength: 3_900)
    let key = try Backup.Key(passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
    var pieces: [[UInt8]] = []
    let keyGiven = { () throws(SottoError) in key }
    try Backup.seal(large, key: keyGiven, createdAt: Date(), to: { pieces.append(Array($0)) })
    #expect(pieces.count >= 3)
    #expect(pieces[0].count == Backup.headerBytes)
    let whole = Data(pieces.joined())
    #expect(try Backup.open(whole, passphrase: Fixtures.passphrase()) == large)
    // The last chunk, and only it, is final: cutting the file at a piece boundary is refused.
    let cut = Data(pieces.dropLast().joined())
    expectRefused(cut, "a backup cut at a piece boundary")
  }

  @Test func aBackupGivesBackEveryEntry() throws {
    #expect(Self.chunkOffsets.count >= 3)
    let opened = try Backup.open(Self.sealed, passphrase: Fixtures.passphrase())
    #expect(opened == Self.entries)
    #expect(try Backup.kdfParameters(of: Self.sealed) == Fixtures.kdf)
  }

  @Test func theBackupHoldsNoPlaintext() {
    let text = String(decoding: Self.sealed, as: UTF8.self)
    #expect(!text.contains("walked it off"))
    #expect(!text.contains("payday"))
  }

  @Test func aWrongPassphraseIsRefused() {
    do {
      _ = try Backup.open(Self.sealed, passphrase: Fixtures.passphrase("another passphrase"))
      Issue.record("opened with a wrong passphrase")
    } catch {
      #expect(error.code == .wrongPassphrase)
    }
  }

  @Test func aChangedHeaderByteIsRefused() {
    for offset in [12, 30, 40, 60] {  // KDF settings, salt, stream header
      var bytes = [UInt8](Self.sealed)
      bytes[offset] ^= 0x01
      do {
        _ = try Backup.open(Data(bytes), passphrase: Fixtures.passphrase())
        Issue.record("a changed header byte at \(offset) was accepted")
      } catch {
        #expect([.damaged, .wrongPassphrase].contains(error.code))
      }
    }
  }

  @Test func aChangedChunkIsRefused() {
    var bytes = [UInt8](Self.sealed)
    bytes[Self.chunkOffsets[1] + 100] ^= 0x01
    expectRefused(Data(bytes), "a changed second chunk")
  }

  @Test func aMissingFinalChunkIsRefused() {
    let cut = Self.sealed.prefix(Self.chunkOffsets.last!)
    expectRefused(cut, "a backup without its final chunk")
    expectRefused(Self.sealed.dropLast(10), "a backup cut inside its final chunk")
  }

  @Test func bytesAfterTheFinalChunkAreRefused() {
    expectRefused(Self.sealed + Data([0, 0, 0, 0]), "trailing bytes")
  }

  @Test func aDroppedOrSwappedChunkIsRefused() {
    let offsets = Self.chunkOffsets
    let bytes = [UInt8](Self.sealed)
    let first = Array(bytes[offsets[0]..<offsets[1]])
    let second = Array(bytes[offsets[1]..<offsets[2]])
    let head = Array(bytes[..<offsets[0]])
    let rest = Array(bytes[offsets[2]...])
    expectRefused(Data(head + second + rest), code: .wrongPassphrase, "a dropped first chunk")
    expectRefused(Data(head + first + rest), "a dropped second chunk")
    expectRefused(Data(head + second + first + rest), code: .wrongPassphrase, "swapped chunks")
  }

  @Test func hostileHeadersAreRefusedBeforeDerivation() {
    var bytes = [UInt8](Self.sealed)
    // memlimit (u64 at offset 24) = 100 GiB
    let huge = UInt64(100) << 30
    for index in 0..<8 { bytes[24 + index] = UInt8(truncatingIfNeeded: huge >> (56 - 8 * index)) }
    expectRefused(Data(bytes), "a 100 GiB memory limit")
    expectRefused(Data("not a backup at all".utf8), code: .notAJournal, "a text file")
    expectRefused(Self.sealed.prefix(20), "a cut header")
  }
}

import CSodium
import Foundation
import GRDB
import SottoModel
import SottoStorage
import Testing

@testable import SottoCore

@Suite struct RecordSealerTests {
  @Test func everyRecordGetsItsOwnNonceAndOpensAgain() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    var sealer = RecordSealer(header: journal.header, key: journal.bundle.recordKey)
    var opener = RecordOpener(header: journal.header, key: journal.bundle.recordKey)
    var nonces = Set<[UInt8]>()
    var tags = Set<RecordTag>()
    // More than one draw of the nonce pool.
    for index in 0..<200 {
      var urge = Fixtures.urge
      urge.intensity = index % 11
      let entry = Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!, at: Fixtures.time, body: .urge(urge))
      let version = RecordVersion(entry: entry, revision: UInt64(index + 1), device: 3, hlc: 5)
      let sealed = sealer.seal(version, id: entry.id)
      nonces.insert(sealed.nonce)
      tags.insert(sealed.tag)
      #expect(sealed.ciphertext.count == 512 + Vault.tagBytes)
      #expect(
        sealed.digest == RecordDigest(Sodium.digest(sealed.nonce, sealed.ciphertext)))
      let opened = opener.open(
        id: entry.id.bytes, tag: sealed.tag, nonce: sealed.nonce, ciphertext: sealed.ciphertext)
      #expect(opened == version)
      // The tag is bound: the same bytes do not open under another tag.
      #expect(
        opener.open(
          id: entry.id.bytes, tag: RecordTag(high: sealed.tag.high, low: sealed.tag.low ^ 1),
          nonce: sealed.nonce, ciphertext: sealed.ciphertext) == nil)
    }
    #expect(nonces.count == 200)
    #expect(tags.count == 200)
  }
}

import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

@Suite struct RecordSealerTests {
  @Test func everyRecordGetsItsOwnNonceAndOpensAgain() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    var sealer = RecordSealer(header: journal.header, key: journal.bundle.recordKey)
    var opener = RecordOpener(header: journal.header, key: journal.bundle.recordKey)
    var nonces = Set<[UInt8]>()
    // More than one draw of the nonce pool.
    for index in 0..<200 {
      var urge = Fixtures.urge
      urge.intensity = index % 11
      let entry = Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!, at: Fixtures.time, body: .urge(urge))
      let sealed = sealer.seal(entry, revision: UInt64(index + 1))
      nonces.insert(sealed.nonce)
      #expect((sealed.ciphertext.count - Vault.tagBytes) % Vault.paddingBlock == 0)
      #expect(
        sealed.digest == RecordDigest(Sodium.digest(sealed.nonce, sealed.ciphertext)))
      let opened = opener.open(
        id: entry.id.bytes, revision: UInt64(index + 1), nonce: sealed.nonce,
        ciphertext: sealed.ciphertext)
      #expect(opened == entry)
      // The revision is bound: the same bytes do not open as another revision.
      #expect(
        opener.open(
          id: entry.id.bytes, revision: UInt64(index + 2), nonce: sealed.nonce,
          ciphertext: sealed.ciphertext) == nil)
    }
    #expect(nonces.count == 200)
  }
}

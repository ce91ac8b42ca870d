import Foundation
import SottoModel
import Testing

@testable import SottoCore

/// The check of a whole payload runs one part per core; it must agree with the one-pass
/// validator wherever the parts are cut.
@Suite struct UTF8CheckTests {
  /// About 1.25 MiB of text (the check splits from 1 MiB) mixing 1- to 4-byte sequences, so
  /// that every cut lands somewhere in or around a multi-byte sequence.
  static let text: [UInt8] = {
    let piece = Array("a€ü😀\n{\"x\":\"ß\"}".utf8)
    var bytes: [UInt8] = []
    while bytes.count < 5 << 18 { bytes += piece }
    return bytes
  }()

  func agree(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      UTF8Check.isValid(raw) == (UTF8Validation.firstInvalidOffset(raw) == nil)
    }
  }

  @Test func validTextIsValidWhateverTheCuts() {
    for trim in 0..<8 {
      let bytes = Array(Self.text.dropFirst(trim % 4).dropLast(trim / 2))
      #expect(agree(bytes))
    }
    #expect(Self.text.withUnsafeBytes { UTF8Check.isValid($0) })
  }

  @Test func oneBadByteAnywhereIsFound() {
    // Positions near the start, the middle (where two cores cut) and the end, and bytes that
    // break a sequence in different ways: a lone continuation, a lead without its
    // continuations, an impossible byte, a surrogate's lead.
    let middle = Self.text.count / 2
    let places =
      [0, 1, 2, middle - 2, middle - 1, middle, middle + 1, middle + 3]
      + [Self.text.count - 2, Self.text.count - 1]
    var invalid = 0
    for place in places {
      for bad: [UInt8] in [[0x80], [0xE2], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x9F]] {
        var bytes = Self.text
        bytes.replaceSubrange(place..<min(place + bad.count, bytes.count), with: bad)
        #expect(agree(bytes), "at \(place), \(bad)")
        // Some replacements happen to leave valid text (a lead for a lead); most do not.
        if !bytes.withUnsafeBytes({ UTF8Check.isValid($0) }) { invalid += 1 }
      }
    }
    #expect(invalid >= places.count * 4)
  }

  @Test func smallAndEmptyBuffersAreCheckedInOnePass() {
    #expect([UInt8]().withUnsafeBytes { UTF8Check.isValid($0) })
    #expect(Array("ok €".utf8).withUnsafeBytes { UTF8Check.isValid($0) })
    #expect(![UInt8]([0x61, 0xC3]).withUnsafeBytes { UTF8Check.isValid($0) })
  }
}

import Testing

@testable import SottoModel

/// The JSON reader's own UTF-8 check must accept and refuse exactly what the standard library's
/// does: a difference would let a record or an import through that another reader refuses.
@Suite struct UTF8ValidationTests {
  private func agrees(_ bytes: [UInt8]) -> Bool {
    let ours = UTF8Validation.firstInvalidOffset(bytes.span) == nil
    return ours == (String(validating: bytes, as: UTF8.self) != nil)
  }

  @Test func everyOneAndTwoByteSequenceAgreesWithTheStandardLibrary() {
    for first in 0...255 {
      #expect(agrees([UInt8(first)]))
      for second in 0...255 where !agrees([UInt8(first), UInt8(second)]) {
        Issue.record("disagree on \(first) \(second)")
      }
    }
  }

  @Test func boundaryThreeAndFourByteSequencesAgree() {
    // Leads with special second-byte ranges, and the edges of every range.
    let leads: [UInt8] = [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
    let continuations: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
    for lead in leads {
      for second in continuations {
        for third in continuations {
          #expect(agrees([lead, second, third]), "\(lead) \(second) \(third)")
          for fourth in continuations where !agrees([lead, second, third, fourth]) {
            Issue.record("disagree on \(lead) \(second) \(third) \(fourth)")
          }
        }
      }
    }
  }

  @Test func randomTextAgrees() {
    var generator = SystemRandomNumberGenerator()
    let samples = ["ü", "😀", "ß", "€", "a", "\u{10FFFF}", "\u{FFFD}"].map { Array($0.utf8) }
    for _ in 0..<5000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...8, using: &generator) {
        if Bool.random(using: &generator) {
          bytes += samples.randomElement(using: &generator)!
        } else {
          bytes.append(UInt8.random(in: 0...255, using: &generator))
        }
      }
      #expect(agrees(bytes), "\(bytes)")
    }
  }
}

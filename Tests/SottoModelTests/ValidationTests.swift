import Foundation
import SottoModel
import Testing

@Suite struct ValidationTests {
  @Test(arguments: [-1, 11, 100])
  func urgeIntensityOutsideZeroToTenIsRefused(intensity: Int) {
    #expect(
      throws: EntryValidationError(
        field: "intensity", problem: "must be a whole number from 0 to 10")
    ) {
      try Urge(intensity: intensity).validate()
    }
  }

  @Test func useQuantitiesMustBeFiniteAndNotNegative() {
    for amount in [-3, .nan, .infinity, 2_000_000] {
      #expect(throws: EntryValidationError.self) {
        try Use(substance: "alcohol", amount: amount, unit: "drinks").validate()
      }
    }
    #expect(throws: EntryValidationError.self) {
      try Use(substance: "alcohol", amount: 3).validate()
    }
    #expect(throws: EntryValidationError.self) { try Use(substance: "  ").validate() }
    #expect(throws: EntryValidationError.self) {
      try Use(substance: "alcohol", cost: -1).validate()
    }
  }

  @Test func textWithControlCharactersOrTooLongIsRefused() {
    #expect(throws: EntryValidationError.self) {
      try Use(substance: "alc\u{1B}[31mohol").validate()
    }
    #expect(throws: EntryValidationError.self) {
      try Urge(intensity: 3, note: String(repeating: "x", count: 4001)).validate()
    }
    #expect(throws: Never.self) { try Urge(intensity: 3, note: "line one\nline two").validate() }
  }

  /// The ASCII fast path and the general one must draw the same lines.
  @Test func controlCharactersAndLengthsAtTheEdges() {
    for bad in ["a\u{7F}b", "a\u{0}b", "a\rb", "ü\u{85}", "😀\u{9F}", "\u{1F}"] {
      #expect(throws: EntryValidationError.self, "\(bad.unicodeScalars.map(\.value))") {
        try Urge(intensity: 3, note: bad).validate()
      }
    }
    for good in ["tab\there", "ü\tü\nü", "\u{A0}no-break", "~ascii 0x7E"] {
      #expect(throws: Never.self) { try Urge(intensity: 3, note: good).validate() }
    }
    // 4000 characters of four bytes each: over 4000 bytes, within 4000 characters.
    #expect(throws: Never.self) {
      try Urge(intensity: 3, note: String(repeating: "😀", count: 4000)).validate()
    }
    #expect(throws: EntryValidationError.self) {
      try Urge(intensity: 3, note: String(repeating: "😀", count: 4001)).validate()
    }
    #expect(throws: EntryValidationError.self) { try Use(substance: " \t\n ").validate() }
    #expect(throws: EntryValidationError.self) { try Use(substance: "\u{2003}").validate() }
  }

  @Test func goalRulesAreBounded() {
    let bad: [GoalRule] = [
      .useFreeDays(days: 8, period: .week), .resistRate(percent: 101),
      .minGap(hours: 0, substance: "x"),
      .cap(amount: -1, unit: "drinks", substance: "alcohol", period: .week),
      .maxSpend(amount: .nan, period: .week),
    ]
    for rule in bad { #expect(throws: EntryValidationError.self) { try rule.validate() } }
  }

  @Test func errorsNeverEchoTheTextTyped() {
    do {
      try Use(substance: "secret\u{7}name").validate()
    } catch {
      #expect(!String(describing: error).contains("secret"))
    }
  }

  @Test func namesAndUnitsAreFoldedToOneForm() {
    #expect(Naming.canonical("  Alcohol \t Beer ") == "alcohol beer")
    #expect(Naming.unit("Drink") == "drinks")
    #expect(Naming.unit("mcg") == "µg")
    #expect(Naming.unit("mg") == "mg")
  }

  @Test func entryJSONRoundTripsEveryField() throws {
    let id = EntryID(hex: "00112233445566778899aabbccddeeff")!
    let entries = [
      Entry(
        id: id, at: Timestamp(unixSeconds: 1, utcOffsetSeconds: -3600), source: .quickCapture,
        body: .urge(
          Urge(
            intensity: 4, triggers: ["a"], outcome: .acted, durationMinutes: 3, coping: "c",
            finalIntensity: 1, note: "n"))),
      Entry(
        id: id, at: Timestamp(unixSeconds: 2, utcOffsetSeconds: 0),
        body: .use(
          Use(
            substance: "s", amount: 0.1, unit: "g", route: "r", setting: "x", cost: 2.5,
            moodBefore: "b", moodAfter: "a", note: "n"))),
      Entry(
        id: id, at: Timestamp(unixSeconds: 3, utcOffsetSeconds: 0),
        body: .goal(
          Goal(
            rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .day), note: "n",
            archived: true))),
    ]
    for entry in entries {
      let data = try JSONEncoder().encode(entry)
      #expect(try JSONDecoder().decode(Entry.self, from: data) == entry)
    }
    #expect(EntryID(hex: "xyz") == nil)
    #expect(EntryID(bytes: [1, 2, 3]) == nil)
  }
}

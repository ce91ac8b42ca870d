import Foundation
import SottoModel

/// Entries covering every field of urge and use, every goal rule kind, and the text that trips
/// up CSV and spreadsheets.
enum Samples {
  static func id(_ byte: UInt8) -> EntryID {
    EntryID(bytes: [UInt8](repeating: 0, count: 15) + [byte])!
  }

  static let exportedAt = Date(timeIntervalSince1970: 1_780_000_000)

  static let entries: [Entry] = [
    Entry(
      id: id(1), at: Timestamp(unixSeconds: 1_779_000_000, utcOffsetSeconds: 3600),
      body: .urge(
        Urge(
          intensity: 7, triggers: ["payday", "bored, alone", "say \"no\"", "a;b", "[x]"],
          outcome: .resisted, durationMinutes: 25, coping: "=walked it off",
          finalIntensity: 2, note: "Line one\nline two, with \"quotes\"\tand a tab — ünïcödé 🌧"))),
    Entry(
      id: id(2), at: Timestamp(unixSeconds: 1_779_000_100, utcOffsetSeconds: -18_000),
      source: .quickCapture,
      body: .urge(Urge(intensity: 0))),
    Entry(
      id: id(3), at: Timestamp(unixSeconds: 1_779_000_200, utcOffsetSeconds: 19_800),
      body: .use(
        Use(
          substance: "alcohol", amount: 2.5, unit: "drinks", route: "oral", setting: "+bar",
          cost: 12.75, moodBefore: "-low", moodAfter: "@ease", note: "-5"))),
    Entry(
      id: id(4), at: Timestamp(unixSeconds: 1_779_000_300, utcOffsetSeconds: 0),
      body: .use(
        Use(
          substance: "mdma", amount: 0.1, unit: "g", route: "'=already quoted",
          setting: "", note: "\tstarts with a tab"))),
    Entry(
      id: id(5), at: Timestamp(unixSeconds: 1_779_000_400, utcOffsetSeconds: 0),
      body: .use(Use(substance: "'tis nicotine"))),
    Entry(
      id: id(6), at: Timestamp(unixSeconds: -86_400, utcOffsetSeconds: -34_200),
      body: .goal(
        Goal(
          rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week),
          note: "=HYPERLINK(\"http://example.com\")"))),
    Entry(
      id: id(7), at: Timestamp(unixSeconds: 1_700_000_000, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .useFreeDays(days: 3, period: .week), archived: true))),
    Entry(
      id: id(8), at: Timestamp(unixSeconds: 1_700_000_000, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .minGap(hours: 1.5e-5, substance: "caffeine")))),
    Entry(
      id: id(9), at: Timestamp(unixSeconds: 1_700_000_001, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .maxSpend(amount: 99.99, period: .day), note: "@home"))),
    Entry(
      id: id(10), at: Timestamp(unixSeconds: 1_700_000_002, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .resistRate(percent: 80)))),
    Entry(
      // The widest offset accepted (+14:00, Kiribati's).
      id: id(11), at: Timestamp(unixSeconds: 1_779_000_500, utcOffsetSeconds: 50_400),
      body: .urge(Urge(intensity: 10, triggers: [], outcome: .acted, note: "+1 more"))),
  ]
}

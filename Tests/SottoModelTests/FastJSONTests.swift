import Foundation
import SottoModel
import Testing

@Suite struct FastJSONTests {
  static let id = EntryID(hex: "00112233445566778899aabbccddeeff")!
  static let entries: [Entry] = [
    Entry(
      id: id, at: Timestamp(unixSeconds: 1_795_600_000, utcOffsetSeconds: -18_000),
      source: .quickCapture,
      body: .urge(
        Urge(
          intensity: 7, triggers: ["payday", "ü \"quoted\" \\ back"], outcome: .resisted,
          durationMinutes: 25, coping: "walked\nit off\t", finalIntensity: 3, note: "😀 emoji"))),
    Entry(
      id: id, at: Timestamp(unixSeconds: -5, utcOffsetSeconds: 0), body: .urge(Urge(intensity: 0))),
    Entry(
      id: id, at: Timestamp(unixSeconds: 1, utcOffsetSeconds: 64_800),
      body: .use(
        Use(
          substance: "alcohol", amount: 0.1, unit: "drinks", route: "oral", setting: "bar",
          cost: 18.5, moodBefore: "anxious", moodAfter: "calm", note: "n"))),
    Entry(
      id: id, at: Timestamp(unixSeconds: 2, utcOffsetSeconds: 0),
      body: .use(Use(substance: "x", amount: 1e-7, unit: "g", cost: 123456.789))),
    Entry(
      id: id, at: Timestamp(unixSeconds: 3, utcOffsetSeconds: 0),
      body: .goal(
        Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week), note: "g")
      )),
    Entry(
      id: id, at: Timestamp(unixSeconds: 3, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .useFreeDays(days: 2, period: .week)))),
    Entry(
      id: id, at: Timestamp(unixSeconds: 3, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .minGap(hours: 36.5, substance: "mdma"), archived: true))),
    Entry(
      id: id, at: Timestamp(unixSeconds: 3, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .maxSpend(amount: 60, period: .day)))),
    Entry(
      id: id, at: Timestamp(unixSeconds: 3, utcOffsetSeconds: 0),
      body: .goal(Goal(rule: .resistRate(percent: 70)))),
  ]

  @Test func theFastWriterAndFoundationAgreeBothWays() throws {
    for entry in Self.entries {
      let fast = entry.jsonBytes()
      #expect(try JSONDecoder().decode(Entry.self, from: Data(fast)) == entry)
      #expect(try Entry(jsonBytes: fast) == entry)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted]
      let foundation = try encoder.encode(entry)
      #expect(try Entry(jsonBytes: [UInt8](foundation)) == entry)
    }
  }

  @Test func aWriterResetBetweenEntriesWritesWhatAFreshOneWrites() throws {
    var reused = JSONWriter()
    reused.beginObject()
    reused.key("left")
    reused.beginArray()
    reused.endObject()
    for entry in Self.entries + Self.entries.reversed() {
      // Left mid-document on purpose: the reset must forget the open levels too.
      reused.reset()
      entry.write(to: &reused)
      #expect(reused.bytes == entry.jsonBytes())
      #expect(try JSONSerialization.jsonObject(with: Data(reused.bytes)) is [String: Any])
    }
  }

  @Test func everyKindAndSourceIsReadBack() throws {
    // Kinds and sources are matched as bytes, not through their raw values: a case added to
    // one side and not the other must fail here.
    let bodies: [EntryKind: EntryBody] = [
      .urge: .urge(Urge(intensity: 3)), .use: .use(Use(substance: "alcohol")),
      .goal: .goal(Goal(rule: .useFreeDays(days: 2, period: .week))),
      .rule: .rule(SafetyRule(substances: ["a", "b"], note: "n")),
    ]
    #expect(Set(bodies.keys) == Set(EntryKind.allCases))
    for kind in EntryKind.allCases {
      for source in [EntrySource.direct, .quickCapture] {
        let entry = Entry(
          id: Self.id, at: Timestamp(unixSeconds: 60, utcOffsetSeconds: 0), source: source,
          body: bodies[kind]!)
        let read = try Entry(jsonBytes: entry.jsonBytes())
        #expect(read == entry, "\(kind) \(source)")
      }
    }
    let unknown = Array(
      String(decoding: Self.entries[1].jsonBytes(), as: UTF8.self)
        .replacingOccurrences(of: "\"urge\",", with: "\"urges\",").utf8)
    #expect(throws: JSONReader.Failure.self) { try Entry(jsonBytes: unknown) }
  }

  @Test func longKeysMatchNoCaseAndAreSkipped() throws {
    let text = String(decoding: Self.entries[1].jsonBytes(), as: UTF8.self)
    let padded = text.replacingOccurrences(
      of: "{\"at\"", with: "{\"kindkindkindkindkind\":\"x\",\"sourcesourcesource\":1,\"at\"")
    #expect(try Entry(jsonBytes: Array(padded.utf8)) == Self.entries[1])
  }

  @Test func idsAndNestedListsAreWrittenWithTheirCommas() {
    var writer = JSONWriter()
    writer.beginArray()
    writer.id(Self.id)
    writer.beginArray()
    writer.beginObject()
    writer.optional("absent", nil)
    writer.optional("b", "x")
    writer.key("c")
    writer.beginArray()
    writer.endArray()
    writer.endObject()
    writer.int(-12)
    writer.endArray()
    writer.string(Self.id.hex)
    writer.endArray()
    let text = String(decoding: writer.bytes, as: UTF8.self)
    #expect(
      text
        == #"["00112233445566778899aabbccddeeff",[{"b":"x","c":[]},-12],"#
        + #""00112233445566778899aabbccddeeff"]"#)
  }

  @Test func theWriterSortsKeysAndWritesWholeNumbersWithoutAFraction() {
    let text = String(decoding: Self.entries[4].jsonBytes(), as: UTF8.self)
    #expect(
      text
        == #"{"at":{"offset":0,"unix":3},"goal":{"archived":false,"note":"g","rule":{"amount":10,"kind":"cap","period":"week","substance":"alcohol","unit":"drinks"}},"id":"00112233445566778899aabbccddeeff","kind":"goal","source":"direct"}"#
    )
  }

  @Test func escapesAndUnicodeEscapesAreRead() throws {
    let json =
      #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"use","use":{"substance":"caf\u00e9 \ud83d\ude00 \/ \"q\"","note":null},"extra":[1,{"a":true},null]}"#
    let entry = try Entry(jsonBytes: Array(json.utf8))
    #expect(entry.use?.substance == "café 😀 / \"q\"")
    #expect(entry.use?.note == nil)
    #expect(entry.source == .direct)
  }

  @Test(arguments: [
    "", "{", "[]", "null", #"{"id":"00112233445566778899aabbccddeeff"}"#,
    #"{"at":{"unix":1,"offset":0},"id":"0011","kind":"urge","urge":{"intensity":1,"triggers":[]}}"#,
    #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"urge","urge":{"intensity":1.5,"triggers":[]}}"#,
    #"{"at":{"unix":1,"offset":9999999999},"id":"00112233445566778899aabbccddeeff","kind":"urge","urge":{"intensity":1,"triggers":[]}}"#,
    #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"mood","urge":{"intensity":1,"triggers":[]}}"#,
    #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"use","use":{"substance":"a","amount":1e999}}"#,
    #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"use","use":{"substance":"\ud800"}}"#,
    #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"use","use":{"substance":"a"#
      + "\t" + #"b"}}"#,
    #"{"at":{"unix":01,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"urge","urge":{"intensity":1,"triggers":[]}}"#,
    #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"urge","urge":{"intensity":1,"triggers":[]}} x"#,
    String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
  ])
  func malformedJSONIsRefused(text: String) {
    #expect(throws: JSONReader.Failure.self) { try Entry(jsonBytes: Array(text.utf8)) }
  }

  @Test func aRepeatedKeyKeepsTheLastValue() throws {
    let json =
      #"{"at":{"unix":1,"offset":0},"kind":"use","kind":"urge","id":"00112233445566778899aabbccddeeff","urge":{"intensity":1,"intensity":4,"triggers":[]}}"#
    let entry = try Entry(jsonBytes: Array(json.utf8))
    #expect(entry.urge?.intensity == 4)
  }

  @Test func numbersFollowJSONsGrammar() throws {
    for (text, value) in [
      ("0", 0.0), ("-0", 0), ("12", 12), ("-3.5", -3.5), ("1e3", 1000), ("2.5E-1", 0.25),
      ("9007199254740993", 9_007_199_254_740_992),
    ] {
      var reader = JSONReader(Array(text.utf8))
      #expect(try reader.readDouble() == value, "\(text)")
    }
    for text in ["01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity", "1e400"] {
      var reader = JSONReader(Array(text.utf8))
      #expect(throws: JSONReader.Failure.self, "\(text)") {
        _ = try reader.readDouble()
        try reader.expectEnd()
      }
    }
    var big = JSONReader(Array("12345678901234567".utf8))
    #expect(throws: JSONReader.Failure.self) { _ = try big.readInt() }
    var fraction = JSONReader(Array("3.0".utf8))
    #expect(try fraction.readInt() == 3)
  }

  @Test func invalidUTF8IsRefused() {
    var bytes = Array(
      #"{"at":{"unix":1,"offset":0},"id":"00112233445566778899aabbccddeeff","kind":"use","use":{"substance":"ab"}}"#
        .utf8)
    let index = bytes.firstIndex(of: UInt8(ascii: "b"))!
    bytes[index] = 0xFF
    #expect(throws: JSONReader.Failure.self) { try Entry(jsonBytes: bytes) }
  }
}

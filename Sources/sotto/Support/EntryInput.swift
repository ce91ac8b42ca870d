import Foundation
import SottoModel

/// An urge's fields as given on the command line, answered at prompts, or read as JSON.
struct UrgeFields {
  var intensity: Int
  var triggers: [String] = []
  var outcome: UrgeOutcome?
  var duration: Int?
  var coping: String?
  var note: String?
  var at: String?

  var urge: Urge {
    Urge(
      intensity: intensity, triggers: LogSupport.names(triggers), outcome: outcome,
      durationMinutes: duration, coping: LogSupport.text(coping), note: LogSupport.text(note))
  }
}

/// A use's fields as given on the command line, answered at prompts, or read as JSON.
struct UseFields {
  var substance: String
  var amount: Double?
  var unit: String?
  var route: String?
  var setting: String?
  var cost: Double?
  var moodBefore: String?
  var moodAfter: String?
  var note: String?
  var at: String?
  var abv: Double?

  var use: Use {
    Use(
      substance: Naming.canonical(substance), amount: amount, unit: unit.map(Naming.unit),
      route: LogSupport.text(route).map(Naming.canonical), setting: LogSupport.text(setting),
      cost: cost, moodBefore: LogSupport.text(moodBefore), moodAfter: LogSupport.text(moodAfter),
      note: LogSupport.text(note), abv: abv)
  }
}

/// The ways to log that leave no entry text in the shell's history or in `ps`: questions on
/// the terminal, and one JSON object on standard input (`--stdin`).
enum EntryInput {
  /// How often a question is asked again after an answer it cannot take.
  static let attempts = 3

  /// Asks `question` until the answer parses (Enter gives `nil` unless `required`).
  static func ask<T>(
    _ question: String, required: Bool = false, parse: (String) -> T?, expected: String
  ) throws -> T? {
    for _ in 0..<attempts {
      guard let line = Terminal.ask(question) else {
        throw InputError("The terminal closed before the entry was complete. Nothing was written.")
      }
      let answer = line.trimmingWhitespace()
      if answer.isEmpty && !required { return nil }
      if !answer.isEmpty, let value = parse(answer) { return value }
      Console.note(answer.isEmpty ? "This one is needed: \(expected)." : "Please give \(expected).")
    }
    throw InputError(
      "No usable answer for \"\(question.trimmingWhitespace())\". Nothing was written.")
  }

  static func askText(_ question: String) throws -> String? {
    try ask(question + " (Enter to skip) ", parse: takeText, expected: textExpected)
  }

  /// An answer that a text field can hold, checked at once so it is asked again at once (an
  /// arrow or function key types control characters, and refusing the whole entry at the end
  /// would lose every answer).
  static func takeText(_ answer: String) -> String? {
    (try? TextField.validate(answer, field: "answer")) != nil ? answer : nil
  }

  static let textExpected =
    "plain text, at most \(TextField.maxLength) characters (arrow and function keys type "
    + "characters that cannot be kept)"

  /// Whether questions can be asked: there is a terminal.
  static var canAsk: Bool {
    let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard tty >= 0 else { return false }
    close(tty)
    return Console.stdinIsTerminal
  }

  static func askUrge() throws -> UrgeFields {
    let intensity = try ask(
      "How strong is the urge, from 0 (barely there) to 10 (overwhelming)? ", required: true,
      parse: { Int($0).flatMap { Urge.intensityRange.contains($0) ? $0 : nil } },
      expected: "a whole number from 0 to 10")!
    var fields = UrgeFields(intensity: intensity)
    fields.triggers =
      try ask(
        "What set it off? (several with commas; Enter to skip) ",
        parse: { $0.split(separator: ",").map { String($0).trimmingWhitespace() } },
        expected: "words separated by commas") ?? []
    fields.outcome = try ask(
      "Did you ride it out? r = resisted, a = acted on it (Enter to skip) ",
      parse: { answer -> UrgeOutcome? in
        switch answer.lowercased() {
        case "r", "resisted", "resist", "y", "yes": .resisted
        case "a", "acted", "act", "n", "no": .acted
        default: nil
        }
      }, expected: "r (resisted) or a (acted)")
    fields.duration = try ask(
      "How long did it last, in minutes? (Enter to skip) ",
      parse: { Int($0).flatMap { $0 >= 0 ? $0 : nil } }, expected: "a whole number of minutes")
    fields.coping = try askText("What helped?")
    fields.note = try askText("A note?")
    fields.at = try askWhen()
    return fields
  }

  static func askUse() throws -> UseFields {
    let substance = try ask(
      "What did you use? (alcohol, cannabis, mdma, ...) ", required: true, parse: takeText,
      expected: "the substance, as " + textExpected)!
    var fields = UseFields(substance: substance)
    // Units the person was asked about once; given again, they are kept as their own.
    var askedUnits: Set<String> = []
    if let quantity = try ask(
      "How much, with the unit? (3 drinks, 80 mg; Enter to skip) ",
      parse: { answer -> (Double, String)? in
        let words = answer.split(separator: " ").map(String.init)
        guard words.count == 2, let amount = Double(words[0]), amount >= 0, amount.isFinite,
          takeText(words[1]) != nil
        else { return nil }
        // A typo is asked again; a unit of one's own, typed a second time, is kept.
        if UnitCatalog.suggestion(for: words[1]) != nil, !askedUnits.contains(words[1]) {
          askedUnits.insert(words[1])
          Console.note(
            "Did you mean \(UnitCatalog.suggestion(for: words[1])!)? Give the amount and unit "
              + "again (the same answer keeps it as a unit of your own).")
          return nil
        }
        return (amount, words[1])
      }, expected: "an amount and a unit, like 3 drinks")
    {
      (fields.amount, fields.unit) = (quantity.0, quantity.1)
    }
    fields.route = try askText("How? (oral, smoked, snorted, injected, ...)")
    fields.setting = try askText("Where? (home, bar, party, ...)")
    fields.cost = try ask(
      "What did it cost? (a number; Enter to skip) ",
      parse: { Double($0).flatMap { $0 >= 0 ? $0 : nil } }, expected: "a number, like 18.50")
    fields.moodBefore = try askText("Your mood before?")
    fields.moodAfter = try askText("Your mood after?")
    fields.note = try askText("A note?")
    fields.at = try askWhen()
    return fields
  }

  private static func askWhen() throws -> String? {
    let clock = Clock()
    return try ask(
      "When? (Enter for now; 90m ago, 5pm, yesterday 22:30, last night) ",
      parse: { answer in (try? clock.parseEntryTime(answer)) != nil ? answer : nil },
      expected: "a time such as 90m ago, 5pm, yesterday 22:30 or last tuesday 20:00")
  }

  // MARK: JSON on standard input

  /// The most bytes `--stdin` reads: far more than any entry.
  static let maxStdinBytes = 1 << 20

  static func readUrgeJSON() throws -> UrgeFields {
    let object = try readObject(
      kind: "urge", keys: ["intensity", "triggers", "outcome", "duration", "coping", "note", "at"])
    guard let intensity = try object.int("intensity") else {
      throw InputError(
        "The JSON on standard input needs \"intensity\" (0 to 10). Nothing was written.")
    }
    var fields = UrgeFields(intensity: intensity)
    fields.triggers = try object.strings("triggers") ?? []
    if let outcome = try object.string("outcome") {
      guard let value = UrgeOutcome(rawValue: outcome) else {
        throw InputError("\"outcome\" must be \"resisted\" or \"acted\". Nothing was written.")
      }
      fields.outcome = value
    }
    fields.duration = try object.int("duration")
    fields.coping = try object.string("coping")
    fields.note = try object.string("note")
    fields.at = try object.string("at")
    return fields
  }

  static func readUseJSON() throws -> UseFields {
    let object = try readObject(
      kind: "use",
      keys: [
        "substance", "amount", "unit", "route", "setting", "cost", "moodBefore", "moodAfter",
        "note", "at", "abv",
      ])
    guard let substance = try object.string("substance") else {
      throw InputError("The JSON on standard input needs \"substance\". Nothing was written.")
    }
    var fields = UseFields(substance: substance)
    fields.amount = try object.double("amount")
    fields.unit = try object.string("unit")
    guard (fields.amount == nil) == (fields.unit == nil) else {
      throw InputError(
        "\"amount\" and \"unit\" go together (for example 3 and \"drinks\"). Nothing was written.")
    }
    fields.route = try object.string("route")
    fields.setting = try object.string("setting")
    fields.cost = try object.double("cost")
    fields.abv = try object.double("abv")
    fields.moodBefore = try object.string("moodBefore")
    fields.moodAfter = try object.string("moodAfter")
    fields.note = try object.string("note")
    fields.at = try object.string("at")
    return fields
  }

  private static func readObject(kind: String, keys: Set<String>) throws -> JSONFields {
    var data = Data()
    while let chunk = try FileHandle.standardInput.read(upToCount: 64 * 1024), !chunk.isEmpty {
      data += chunk
      guard data.count <= maxStdinBytes else {
        throw InputError(
          "Standard input holds more than 1 MiB; one entry is far less. Nothing was written.")
      }
    }
    guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      throw InputError(
        "Standard input is not one JSON object (for example {\"intensity\": 7}). Nothing was "
          + "written.")
    }
    // The unknown key is not repeated: it could be entry text typed in the wrong place.
    if object.keys.contains(where: { !keys.contains($0) }) {
      throw InputError(
        "Unknown key in the \(kind) JSON; the keys are "
          + keys.sorted().joined(separator: ", ") + ". Nothing was written.")
    }
    return JSONFields(values: object)
  }
}

/// Typed reading of one JSON object's values; a value of the wrong type is an error, never
/// silently dropped.
private struct JSONFields {
  let values: [String: Any]

  private func wrongType(_ key: String, _ expected: String) -> InputError {
    InputError("\"\(key)\" must be \(expected). Nothing was written.")
  }

  private func number(_ key: String) throws -> NSNumber? {
    guard let value = values[key], !(value is NSNull) else { return nil }
    // JSONSerialization gives booleans as NSNumber too; they are not numbers here.
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else {
      throw wrongType(key, "a number")
    }
    return number
  }

  func int(_ key: String) throws -> Int? {
    guard let number = try number(key) else { return nil }
    let double = number.doubleValue
    guard double.rounded() == double, abs(double) < 1e15 else {
      throw wrongType(key, "a whole number")
    }
    return Int(double)
  }

  func double(_ key: String) throws -> Double? { try number(key)?.doubleValue }

  func string(_ key: String) throws -> String? {
    guard let value = values[key], !(value is NSNull) else { return nil }
    guard let text = value as? String else { throw wrongType(key, "text") }
    return text
  }

  func strings(_ key: String) throws -> [String]? {
    guard let value = values[key], !(value is NSNull) else { return nil }
    guard let list = value as? [Any], let texts = list as? [String] else {
      throw wrongType(key, "a list of texts")
    }
    return texts
  }
}

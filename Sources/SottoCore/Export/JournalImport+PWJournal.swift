import Foundation
import SottoModel

extension JournalImport {
  /// Reads the `Journal.json` export of the PsychonautWiki Journal app: each ingestion becomes a
  /// use entry.
  ///
  /// - Substance: `substanceName`, canonical (``SottoModel/Naming/canonical(_:)``).
  /// - Amount and unit: `dose` and `units` (``SottoModel/Naming/unit(_:)``); a dose without a
  ///   unit goes into the note instead, a unit without a dose is dropped.
  /// - Route: `administrationRoute`, lower-cased.
  /// - Time: `time` (epoch milliseconds, rounded down to the second), with the offset `timeZone`
  ///   had at that instant.
  /// - Note: the ingestion's `notes`, "(estimated dose)" when `isDoseAnEstimate`, then
  ///   "Experience: " and the experience's `title`, then its `text`; one part a line, control
  ///   characters other than tab and newline removed, cut to the longest note Sotto keeps.
  /// - Id: derived from the experience's `creationDate` and the ingestion's `creationDate`,
  ///   substance, time and route (see `StableID`), so importing the same file twice adds nothing.
  ///
  /// `customUnits`, `customSubstances` and any other key are accepted and ignored.
  public static func pwJournal(
    _ data: Data, timeZone: TimeZone
  ) throws(JournalCodecError) -> [Entry] {
    try checkSize(data)
    try checkUTF8(data)
    let journal: PWJournal
    do {
      journal = try JSONDecoder().decode(PWJournal.self, from: data)
    } catch {
      throw pwDecodingFailure(error, data: data)
    }
    var found: [(Entry, JournalCodecError.Location)] = []
    var idCounts: [EntryID: Int] = [:]
    for (experienceIndex, experience) in journal.experiences.enumerated() {
      for (ingestionIndex, ingestion) in (experience.ingestions ?? []).enumerated() {
        let location = JournalCodecError.Location.ingestion(
          experience: experienceIndex + 1, ingestion: ingestionIndex + 1)
        var entry = try useEntry(
          ingestion, of: experience, timeZone: timeZone, location: location)
        let base = entry.id
        if let repeats = idCounts[base] {
          // Two ingestions alike in every identifying field: number the later ones.
          var id = pwIdentity(ingestion, of: experience)
          id.add("repeat \(repeats)")
          entry.id = id.id
        }
        idCounts[base, default: 0] += 1
        found.append((entry, location))
      }
    }
    return try checked(found)
  }

  static func useEntry(
    _ ingestion: PWIngestion, of experience: PWExperience, timeZone: TimeZone,
    location: JournalCodecError.Location
  ) throws(JournalCodecError) -> Entry {
    // Year 1 to year 9999, in milliseconds.
    guard ingestion.time.isFinite, abs(ingestion.time) <= 253_402_300_799_999 else {
      throw JournalCodecError(
        code: .invalidValue, location: location, field: "time",
        problem: "the time is not a date between the years 1 and 9999 in epoch milliseconds. "
          + JournalCodecError.nothingImported)
    }
    let seconds = Int64((ingestion.time / 1000).rounded(.down))
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))

    var parts: [String] = []
    var amount: Double?
    var unit: String?
    if let dose = ingestion.dose {
      let units = ingestion.units.map(Naming.unit) ?? ""
      if units.isEmpty {
        parts.append("Dose: \(EntryCSV.format(dose)) (no unit given)")
      } else {
        amount = dose
        unit = units
      }
    }
    if let notes = clean(ingestion.notes) { parts.append(notes) }
    if ingestion.isDoseAnEstimate == true { parts.append("(estimated dose)") }
    if let title = clean(experience.title) { parts.append("Experience: " + title) }
    if let text = clean(experience.text) { parts.append(text) }
    var note = parts.joined(separator: "\n")
    if note.count > TextField.maxLength {
      note = String(note.prefix(TextField.maxLength - 1)) + "…"
    }
    let route = ingestion.administrationRoute.map(Naming.canonical)

    return Entry(
      id: pwIdentity(ingestion, of: experience).id,
      at: Timestamp(unixSeconds: seconds, utcOffsetSeconds: Int32(offset)),
      body: .use(
        Use(
          substance: Naming.canonical(ingestion.substanceName), amount: amount, unit: unit,
          route: route?.isEmpty == false ? route : nil, note: note.isEmpty ? nil : note)))
  }

  static func pwIdentity(_ ingestion: PWIngestion, of experience: PWExperience) -> StableID {
    var id = StableID(namespace: "pw-journal")
    let experienceDate = experience.creationDate ?? experience.sortDate
    id.add(experienceDate.map(EntryCSV.format) ?? "")
    if experienceDate == nil { id.add(experience.title ?? "") }
    id.add(ingestion.creationDate.map(EntryCSV.format) ?? "")
    id.add(Naming.canonical(ingestion.substanceName))
    id.add(EntryCSV.format(ingestion.time))
    id.add(Naming.canonical(ingestion.administrationRoute ?? ""))
    return id
  }

  /// Line ends made LF, other control characters but tab removed, trimmed; `nil` when empty.
  static func clean(_ text: String?) -> String? {
    guard let text else { return nil }
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    var scalars = String.UnicodeScalarView()
    for scalar in unified.unicodeScalars
    where scalar.properties.generalCategory != .control || scalar == "\n" || scalar == "\t" {
      scalars.append(scalar)
    }
    let cleaned = String(scalars).trimmingWhitespace()
    return cleaned.isEmpty ? nil : cleaned
  }

  static func pwDecodingFailure(_ error: any Error, data: Data) -> JournalCodecError {
    let (path, what) = describe(error)
    if path.isEmpty || what == nil { return malformedJSON(error, data: data) }
    let indices = path.compactMap(\.intValue)
    let keys = path.filter { $0.intValue == nil }.map(\.stringValue)
    let location: JournalCodecError.Location? =
      switch indices.count {
      case 0: nil
      case 1: .experience(indices[0] + 1)
      default: .ingestion(experience: indices[0] + 1, ingestion: indices[1] + 1)
      }
    let fieldPath =
      location == nil ? keys : Array(keys.drop { $0 == "experiences" || $0 == "ingestions" })
    return failure(fieldPath, what, location: location)
  }

  struct PWJournal: Decodable {
    var experiences: [PWExperience]
  }

  struct PWExperience: Decodable {
    var title: String?
    var text: String?
    var creationDate: Double?
    var sortDate: Double?
    var ingestions: [PWIngestion]?
  }

  struct PWIngestion: Decodable {
    var substanceName: String
    var time: Double
    var creationDate: Double?
    var administrationRoute: String?
    var dose: Double?
    var units: String?
    var isDoseAnEstimate: Bool?
    var notes: String?
  }
}

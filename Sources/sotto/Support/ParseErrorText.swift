import ArgumentParser
import SottoModel

/// Argument-parsing messages without the values the person gave.
///
/// swift-argument-parser quotes the value it could not take ("The value 'bought on the corner'
/// is invalid for '--cost <cost>'", "Unexpected argument '...'"); any of them may be entry text,
/// which must not be echoed to a terminal that others see or a log a script keeps.
enum ParseErrorText {
  static func redacting(_ message: String, arguments: [String]) -> String {
    var result = message
    // "--duration=secret" reaches the parser as the value "secret".
    let values = arguments.compactMap { argument -> String? in
      guard argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") else { return nil }
      return String(argument[argument.index(after: equals)...])
    }
    // Longest first, so that a value containing a shorter one is replaced whole.
    for argument in Set(arguments + values).sorted(by: { $0.count > $1.count })
    where !argument.isEmpty {
      let shown: String
      if argument.hasPrefix("-") {
        // An option's name stays; what follows "=" is a value.
        guard let equals = argument.firstIndex(of: "=") else { continue }
        shown = String(argument[..<equals]) + "=..."
      } else {
        shown = "(the value given)"
      }
      result = result.replacingOccurrences(of: "'\(argument)'", with: shown)
      result = result.replacingOccurrences(of: "\"\(argument)\"", with: shown)
    }
    return result
  }
}

extension ParseErrorText {
  /// The parser's message in the house wording: one sentence on one line, naming the option and
  /// what it takes, and pointing at the command's `--help` instead of printing the usage.
  ///
  /// - Parameters:
  ///   - message: the parser's message for the error (already redacted), without the usage.
  ///   - command: the command's words (`sotto list`).
  static func houseWording(_ message: String, command: String) -> String {
    let help = "See `\(command) --help`."
    let line = message.split(separator: "\n").first.map(String.init) ?? message
    // "The value ... is invalid for '--format <format>'. Please provide one of 'text' and 'json'."
    if let option = quoted(after: "is invalid for ", in: line) {
      let name = option.split(separator: " ").first.map(String.init) ?? option
      let field = name.hasPrefix("<") ? "The " + name.dropFirst().dropLast() : name
      if let choices = line.range(of: "Please provide one of ") {
        var values = line[choices.upperBound...]
          .split(separator: "'", omittingEmptySubsequences: false).enumerated()
          .filter { $0.offset % 2 == 1 }.map(\.element)
        // Six values or more come as a list of "  - value" lines.
        if values.isEmpty {
          values = message.split(separator: "\n").filter { $0.hasPrefix("  - ") }
            .map { $0.dropFirst(4) }
        }
        let example = values.first.map { name.hasPrefix("<") ? " \($0)" : " \(name) \($0)" } ?? ""
        return "\(field) must be one of: \(values.joined(separator: ", ")) (for example"
          + "\(example)). \(help)"
      }
      let reason =
        line.range(of: ": ", options: .backwards).map { ": " + line[$0.upperBound...] } ?? ""
      return "\(field) could not be read\(reason.isEmpty ? "" : reason). \(help)"
    }
    if let option = quoted(after: "Missing value for ", in: line) {
      let name = option.split(separator: " ").first.map(String.init) ?? option
      return "\(name) needs a value after it. \(help)"
    }
    if let argument = quoted(after: "Missing expected argument ", in: line) {
      return "\(command) needs \(argument). \(help)"
    }
    if let option = quoted(after: "Unknown option ", in: line) {
      if Double(option) != nil {
        return "\(command) takes no negative numbers (\(option) reads as an option). \(help)"
      }
      let suggestion = quoted(after: "Did you mean ", in: line).map { " Did you mean \($0)?" } ?? ""
      return "\(command) has no option \(option).\(suggestion) \(help)"
    }
    if line.hasPrefix("Unexpected argument") || line.contains("unexpected arguments") {
      return "\(command) was given more than it takes (not shown here, in case it is private). "
        + help
    }
    let trimmed = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    return trimmed.hasSuffix(".") ? "\(trimmed) \(help)" : "\(trimmed). \(help)"
  }

  /// The text in single quotes after `marker`: `--format <format>` in "... for '--format <format>'".
  private static func quoted(after marker: String, in line: String) -> String? {
    guard let start = line.range(of: marker) else { return nil }
    let rest = line[start.upperBound...]
    guard rest.first == "'", let end = rest.dropFirst().firstIndex(of: "'") else { return nil }
    return String(rest[rest.index(after: rest.startIndex)..<end])
  }

  /// The command's words at the front of `arguments`: `sotto goal add` for `goal add --max ...`.
  static func commandWords(_ arguments: [String]) -> String {
    var words = ["sotto"]
    var level: [any ParsableCommand.Type] = Sotto.configuration.subcommands
    for argument in arguments {
      guard let next = level.first(where: { $0.configuration.commandName == argument }) else {
        break
      }
      words.append(argument)
      level = next.configuration.subcommands
    }
    return words.joined(separator: " ")
  }

  /// A command name close to `word` (a typo such as `lsit`), or nil.
  static func nearestCommand(to word: String, among names: [String]) -> String? {
    let scored = names.map { ($0, Naming.editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowed = word.count <= 4 ? 1 : 2
    if best.1 <= allowed { return best.0 }
    // A start of a name: `stat`, `exp`.
    let prefixed = names.filter { $0.hasPrefix(word.lowercased()) }
    return word.count >= 2 && prefixed.count == 1 ? prefixed[0] : nil
  }
}

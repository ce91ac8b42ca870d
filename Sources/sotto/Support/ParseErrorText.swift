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

/// Bars and sparklines from Unicode block characters, for terminal text.
enum TextChart {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One block per value, scaled to the largest: 0 is the lowest block.
  static func sparkline(_ values: [Double]) -> String {
    let top = values.max() ?? 0
    return String(
      values.map { value -> Character in
        guard top > 0, value > 0 else { return blocks[0] }
        return blocks[max(1, min(7, Int((value / top * 7).rounded())))]
      })
  }

  /// A sparkline where `nil` (no data: before the journal began) is a `·`, never a zero.
  static func sparkline(_ values: [Double?]) -> String {
    let line = Array(sparkline(values.map { $0 ?? 0 }))
    return String(values.indices.map { values[$0] == nil ? "·" : line[$0] })
  }

  /// The numbers of a series, `—` where there is no data.
  static func numbers(_ values: [Int?]) -> String {
    values.map { $0.map(String.init) ?? "—" }.joined(separator: " ")
  }

  /// A horizontal bar `value / maximum × width` cells long, with eighth-cell precision.
  static func bar(_ value: Double, maximum: Double, width: Int) -> String {
    guard maximum > 0, value > 0 else { return "" }
    let eighths = Int((value / maximum * Double(width * 8)).rounded())
    let partials: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
  }

  /// A progress bar of `width` cells: filled to `fraction` (capped at 1), the rest in light shade.
  static func progress(_ fraction: Double, width: Int) -> String {
    let filled = max(0, min(width, Int((fraction * Double(width)).rounded())))
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }
}

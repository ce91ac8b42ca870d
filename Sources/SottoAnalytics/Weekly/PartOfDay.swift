/// The four parts of a day, six hours each, that observations and patterns speak of.
enum PartOfDay: Int, CaseIterable {
  case night, morning, afternoon, evening

  init(hour: Int) { self = PartOfDay(rawValue: hour / 6)! }

  var name: String {
    switch self {
    case .night: "at night"
    case .morning: "in the morning"
    case .afternoon: "in the afternoon"
    case .evening: "in the evening"
    }
  }

  var noun: String {
    switch self {
    case .night: "night"
    case .morning: "morning"
    case .afternoon: "afternoon"
    case .evening: "evening"
    }
  }
}

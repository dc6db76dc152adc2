public import SMICore

/// Inline test input with markers (`⚑`) where diagnostics must point, so positions are not
/// counted by hand.
public struct MarkedText {
    /// The marker character.
    public static let marker: Character = "⚑"

    /// The text without the marker.
    public let text: String
    /// Where the first marker was, as the reader reports locations (1-based, Unicode scalars).
    public var location: SourceLocation { locations.first ?? SourceLocation(line: 0, column: 0) }
    /// Where each marker was, in order.
    public let locations: [SourceLocation]

    /// Removes the markers from `marked` and records where they were.
    public init(_ marked: String) {
        var line = 1
        var column = 1
        var found: [SourceLocation] = []
        var text = ""
        for ch in marked {
            if ch == Self.marker {
                found.append(SourceLocation(line: line, column: column))
                continue
            }
            text.append(ch)
            if ch == "\n" {
                line += 1
                column = 1
            } else {
                column += ch.unicodeScalars.count
            }
        }
        self.text = text
        locations = found
    }
}

extension String {
    /// The spellings of true that Go's `strconv.ParseBool` takes.
    public static let goTrue: Set<String> = ["1", "t", "T", "true", "True", "TRUE"]
    /// The spellings of false that Go's `strconv.ParseBool` takes.
    public static let goFalse: Set<String> = ["0", "f", "F", "false", "False", "FALSE"]

    /// The annotation value as a boolean, read as Go's `strconv.ParseBool` reads it; nil for
    /// anything else.
    ///
    /// The meshes' injectors parse their boolean annotations so.
    public var annotationBool: Bool? {
        String.goTrue.contains(self) ? true : String.goFalse.contains(self) ? false : nil
    }
}

import PerfSupport

/// A plan as text a shell reads without `eval`: one `key<TAB>value` line each.
extension ScenarioPlan {
    /// The plan, one `key<TAB>value` line each, in this order:
    ///
    /// ```text
    /// name                 http-login
    /// file                 perf/macro/http-login.json
    /// host                 127.0.0.1
    /// port                 18091
    /// duration             3s                        (absent for a scenario run by count or stages)
    /// readiness            http://127.0.0.1:18091/health     (absent when the service names none)
    /// service-command      demo-service              (this and the next two absent without a service)
    /// service-argument     --port                    (one line per argument, in order)
    /// service-environment  NAME=value                (one line per variable, sorted by name)
    /// service-directory    /abs/perf/macro/tls       (absent when the service names none: run it in the cwd)
    /// ```
    ///
    /// A shell reads it with `while IFS=$'\t' read -r key value; do ...; done`.
    /// - Throws: `LoadGenError.invalidField` when a value holds a tab, a line break or a NUL, which a line
    ///   cannot carry.
    public func lines() throws(LoadGenError) -> String {
        var entries: [(key: String, field: String, value: String)] = [
            ("name", "name", name), ("file", "file", file), ("host", "target", host), ("port", "target", String(port)),
        ]
        if let duration { entries.append(("duration", "duration", UnitText.format(duration))) }
        if let service {
            if let readiness = service.readiness { entries.append(("readiness", "service.readiness", readiness)) }
            entries.append(("service-command", "service.command", service.command))
            for (index, argument) in service.arguments.enumerated() {
                entries.append(("service-argument", "service.arguments[\(index)]", argument))
            }
            for (variable, value) in service.environment.sorted(by: { $0.key < $1.key }) {
                entries.append(("service-environment", "service.environment.\(variable)", variable + "=" + value))
            }
            if let directory = service.directory {
                entries.append(("service-directory", "service.directory", directory))
            }
        }
        var text = ""
        for entry in entries {
            guard !entry.value.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\0" })
            else {
                throw .invalidField(
                    field: entry.field, reason: "holds a tab, a line break or a NUL, which a plan line cannot carry",
                    file: file)
            }
            text += entry.key + "\t" + entry.value + "\n"
        }
        return text
    }
}

import Pooling

/// The pooled object: 64 bytes with the object header (six words of fields), cleared on release, as a
/// message or request record would be.
final class PooledObject {
    var first = 0
    var second = 0
    var third = 0
    var fourth = 0
    var fifth = 0
    var sixth = 0

    /// A pool of up to 64 objects whose reset clears every field. Strict checks are off, as in a release
    /// build of an application: the suite measures the hit path users get.
    static func makePool(name: String) -> Pool<PooledObject> {
        Pool(name: name, maxSize: 64, strictChecks: false) {
            PooledObject()
        } reset: { object in
            object.first = 0
            object.second = 0
            object.third = 0
            object.fourth = 0
            object.fifth = 0
            object.sixth = 0
        }
    }
}

//! Debian builds parts of QEMU as modules, loaded when something first
//! needs them: `qom-list-types` loads every QOM module
//! (`module_load_qom_all`), a type lookup loads the type's module and what
//! it depends on.  Until then their types are missing from the type table
//! and the `spice` option group from `query-command-line-options`.  The
//! type data holds the table with every module loaded; this records which
//! of those effects an empty machine has had.

/// Chardev types whose module is not loaded at start-up (chardev-baum,
/// chardev-spice, ui-dbus).
const MODULE_CHARDEVS: &[&str] = &[
    "chardev-braille",
    "chardev-spicevmc",
    "chardev-spiceport",
    "chardev-dbus",
];

/// User-creatable types whose module is not loaded at start-up (ui-dbus).
const MODULE_OBJECTS: &[&str] = &["dbus-display"];

/// Types whose module depends on ui-spice-core (hw-display-qxl,
/// chardev-spice): looking one up registers the `spice` option group.
const SPICE_CORE_USERS: &[&str] = &["qxl", "qxl-vga", "chardev-spicevmc", "chardev-spiceport"];

#[derive(Debug, Default)]
pub struct Modules {
    all: bool,
    spice_core: bool,
}

impl Modules {
    /// `module_load_qom_all`.
    pub fn load_all(&mut self) {
        self.all = true;
    }

    /// `module_object_class_by_name(name)`: the modules `name` needs.
    pub fn load_for_type(&mut self, name: &str) {
        if SPICE_CORE_USERS.contains(&name) {
            self.spice_core = true;
        }
    }

    /// Whether ui-spice-core is loaded (its option group registered).
    pub fn spice_core(&self) -> bool {
        self.all || self.spice_core
    }

    /// Whether the type `name` is in the table yet (of the module types,
    /// only chardevs and user-creatable objects are told apart).
    pub fn has_type(&self, name: &str) -> bool {
        self.has_chardev(name) && (self.all || !MODULE_OBJECTS.contains(&name))
    }

    /// Whether the chardev type `name` is in the table yet.
    pub fn has_chardev(&self, name: &str) -> bool {
        self.all || !MODULE_CHARDEVS.contains(&name)
    }
}

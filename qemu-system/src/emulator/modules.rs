//! Debian builds parts of QEMU as modules, loaded when something first
//! needs them: `qom-list-types` loads every QOM module
//! (`module_load_qom_all`), a type lookup loads the type's module and what
//! it depends on.  Until then their types are missing from the type table
//! (`data::types::MODULE_TYPES`), which may then also be smaller and walked
//! in another order (`data::types::PRELOAD_ORDER`), and the `spice` option
//! group from `query-command-line-options`.  This records which of those
//! effects an empty machine has had.

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

    /// Whether `module_load_qom_all` has run: the type table holds every
    /// module's types (see `types::TypeTable::new`).
    pub fn all(&self) -> bool {
        self.all
    }
}

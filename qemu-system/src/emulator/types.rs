//! QOM types and their properties, and the per-configuration view of the
//! type table.

use std::collections::HashMap;

use qapi_defs::qemu::QemuConfig;
use qapi_runtime::Value;
use qapi_runtime::pred::Cond;

use super::data;
use super::holds;
use super::modules::Modules;

/// A QOM type as `TypeInfo` declares it.
pub struct TypeDef {
    pub name: &'static str,
    pub parent: Option<&'static str>,
    pub abstract_: bool,
    /// The interfaces the type itself declares (its parents' come with them).
    pub interfaces: &'static [&'static str],
    pub cond: Cond,
}

/// A property's default value (`ObjectProperty.defval`).
pub enum Dv {
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(&'static str),
    List(&'static [Dv]),
}

impl Dv {
    pub fn to_value(&self) -> Value {
        match self {
            Dv::Bool(b) => Value::Bool(*b),
            Dv::Int(i) => Value::Int(*i),
            Dv::Uint(u) => Value::from(*u),
            Dv::Float(f) => Value::Double(*f),
            Dv::Str(s) => Value::from(*s),
            Dv::List(l) => Value::List(l.iter().map(Dv::to_value).collect()),
        }
    }
}

/// One property of an object of a type.
pub struct PropDef {
    pub name: &'static str,
    pub ty: &'static str,
    pub desc: Option<&'static str>,
    pub default: Option<Dv>,
}

/// The properties an object of type `ty` has (instance and class), as
/// `device-list-properties` or `qom-list-properties` lists them.
pub struct PropSet {
    pub ty: &'static str,
    pub cond: Cond,
    pub props: &'static [PropDef],
}

/// A distinct `device-list-properties` list: the first `prefix` rows of
/// the earlier list `base` (indices into `data::device_props::LISTS`),
/// then its own `len` rows from `data::device_props::OWN[own..]`
/// (indices into `data::device_props::ROWS`).
pub struct PropList {
    pub base: u16,
    pub prefix: u16,
    pub own: u32,
    pub len: u16,
}

/// The list (an index into `data::device_props::LISTS`) device type `ty`
/// has on the configurations of `cond`.
pub struct DeviceProps {
    pub ty: &'static str,
    pub cond: Cond,
    pub list: u16,
}

/// The type table of one configuration.
pub struct TypeTable {
    /// Types in the table's iteration order.
    order: Vec<&'static TypeDef>,
    /// Every type, its module loaded or not: a lookup by name
    /// (`module_object_class_by_name`) loads the module it needs.
    by_name: HashMap<&'static str, &'static TypeDef>,
}

/// The indices held for `cfg` in a per-target table of `data::types`.
fn indices_for(
    table: &'static [(Cond, &'static [u16])],
    cfg: &QemuConfig,
) -> Option<&'static [u16]> {
    table
        .iter()
        .find(|(cond, _)| holds(cfg, *cond))
        .map(|(_, idx)| *idx)
}

fn types_at(idx: &[u16]) -> impl Iterator<Item = &'static TypeDef> + '_ {
    idx.iter()
        .filter_map(|&i| data::types::TYPES.get(usize::from(i)))
}

impl TypeTable {
    /// The table as it is in the state `modules`: until every module is
    /// loaded, without the modules' types and, where GLib grew the table
    /// when they loaded, in the smaller table's order.  (A module loaded
    /// by a single lookup does not add its types to the walk here.)
    pub fn new(cfg: &QemuConfig, modules: &Modules) -> TypeTable {
        let loaded = indices_for(data::types::TYPE_ORDER, cfg).unwrap_or_default();
        let by_name = types_at(loaded).map(|t| (t.name, t)).collect();
        let order = if modules.all() {
            types_at(loaded).collect()
        } else if let Some(before) = indices_for(data::types::PRELOAD_ORDER, cfg) {
            types_at(before).collect()
        } else {
            let module = indices_for(data::types::MODULE_TYPES, cfg).unwrap_or_default();
            loaded
                .iter()
                .filter(|i| !module.contains(i))
                .filter_map(|&i| data::types::TYPES.get(usize::from(i)))
                .collect()
        };
        TypeTable { order, by_name }
    }

    pub fn get(&self, name: &str) -> Option<&'static TypeDef> {
        self.by_name.get(name).copied()
    }

    /// `g_hash_table_foreach` over the table.
    pub fn iter(&self) -> impl Iterator<Item = &'static TypeDef> + '_ {
        self.order.iter().copied()
    }

    /// The type and its ancestors, most derived first.
    pub fn ancestors(&self, ty: &'static TypeDef) -> impl Iterator<Item = &'static TypeDef> + '_ {
        let mut cur = Some(ty);
        std::iter::from_fn(move || {
            let t = cur?;
            cur = t.parent.and_then(|p| self.get(p));
            Some(t)
        })
    }

    /// `object_class_dynamic_cast(ty, target) != NULL`: `target` is `ty`,
    /// an ancestor, or an interface (or an ancestor of one) that `ty` or
    /// an ancestor declares.
    pub fn is_a(&self, ty: &'static TypeDef, target: &str) -> bool {
        self.ancestors(ty).any(|a| {
            a.name == target
                || a.interfaces.iter().any(|i| {
                    self.get(i)
                        .is_some_and(|it| self.ancestors(it).any(|x| x.name == target))
                })
        })
    }
}

/// The stored property list of `ty` in `table` for `cfg`.
pub fn props_of(
    table: &'static [PropSet],
    cfg: &QemuConfig,
    ty: &str,
) -> Option<&'static [PropDef]> {
    table
        .iter()
        .find(|s| s.ty == ty && holds(cfg, s.cond))
        .map(|s| s.props)
}

/// `device-list-properties` of device type `ty` for `cfg`, in the real
/// reply's order; `None` for a type no list is stored of.
pub fn device_props(cfg: &QemuConfig, ty: &str) -> Option<Vec<&'static PropDef>> {
    use data::device_props::DEVICES;
    let first = DEVICES.partition_point(|d| d.ty < ty);
    let d = DEVICES[first..]
        .iter()
        .take_while(|d| d.ty == ty)
        .find(|d| holds(cfg, d.cond))?;
    let mut out = Vec::new();
    push_rows(usize::from(d.list), usize::MAX, &mut out);
    Some(out)
}

/// Appends the first `n` rows of list `list` (all of them for
/// `usize::MAX`).  A list's base is always an earlier list, so this ends.
fn push_rows(list: usize, n: usize, out: &mut Vec<&'static PropDef>) {
    use data::device_props::{LISTS, OWN, ROWS};
    let Some(l) = LISTS.get(list) else { return };
    let from_base = n.min(usize::from(l.prefix));
    let base = usize::from(l.base);
    if from_base > 0 && base < list {
        push_rows(base, from_base, out);
    }
    let start = usize::try_from(l.own).unwrap_or(usize::MAX);
    let own = OWN.get(start..).unwrap_or_default();
    let own = own.iter().take(usize::from(l.len).min(n - from_base));
    out.extend(own.filter_map(|&r| ROWS.get(usize::from(r))));
}

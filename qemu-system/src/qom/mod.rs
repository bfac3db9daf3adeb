//! The QOM tree of a `-machine none` QEMU, as `qom-list` and `qom-get`
//! see it (`qom/object.c`, `qom/qom-qmp-cmds.c`).
//!
//! Objects have instance properties (children, links, the memory regions'
//! own properties) and inherit class properties along their type chain.
//! `qom-list` walks the instance table, then each class's table from the
//! most derived class to `object`, each in GLib hash-table order
//! ([`ghash`]), and prepends every property: the reply is that walk
//! reversed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use qapi_defs::qemu::QemuConfig;
use qapi_defs::{
    BootConfiguration, CacheLevelAndType, CpuTopologyLevel, MemorySizeConfiguration,
    SMPConfiguration, SmpCacheProperties,
};
use qapi_runtime::{Config, Error, QapiEnum, QapiType, Value};

use qapi_runtime::glib::HashTable;

/// The value behind a property.
#[derive(Clone)]
pub enum Prop {
    /// `child<type>`: reads as the child's canonical path.
    Child(usize),
    /// `link<type>`: reads as the target's path, or `""` when unset.
    Link(Option<usize>),
    /// A plain value.
    Value(Value),
    /// A flag that changes at run time (a socket's `connected`).
    Flag(Arc<AtomicBool>),
    /// The object's type name (`type`).
    TypeName,
}

/// One property: name, QOM type, value.
#[derive(Clone)]
pub struct Property {
    pub name: String,
    pub ty: String,
    pub prop: Prop,
}

impl Property {
    fn new(name: impl Into<String>, ty: impl Into<String>, prop: Prop) -> Property {
        Property {
            name: name.into(),
            ty: ty.into(),
            prop,
        }
    }
}

/// A class in a type chain, with the properties its `class_init` adds, in
/// the order it adds them.
pub struct Class {
    pub name: &'static str,
    pub props: Vec<Property>,
}

pub struct Object {
    /// The type chain, most derived first, ending with `object`.
    pub classes: Arc<Vec<Class>>,
    /// Instance properties in the order they were added.
    pub props: Vec<Property>,
    /// Parent object and the child property's name.
    pub parent: Option<(usize, String)>,
}

impl Object {
    pub fn type_name(&self) -> &'static str {
        self.classes.first().map_or("object", |c| c.name)
    }
}

/// The tree; object 0 is the root.
pub struct Qom {
    pub objects: Vec<Object>,
}

/// A chardev as the tree shows it under `/chardevs`.
pub struct ChardevInfo {
    pub id: String,
    /// `Some(path)` for a unix socket server, `None` for stdio.
    pub socket: Option<String>,
    pub connected: Arc<AtomicBool>,
    /// A frontend (a monitor) uses it: `query-chardev`'s `frontend-open`.
    pub frontend: bool,
}

/// Properties in the iteration order of the hash table holding them.
fn in_table_order(props: &[Property]) -> Vec<&Property> {
    HashTable::with_keys(props.iter().map(|p| p.name.as_str()))
        .iter()
        .filter_map(|i| props.get(i))
        .collect()
}

fn class(name: &'static str, props: Vec<Property>) -> Class {
    Class { name, props }
}

/// A type chain: the named classes, then `object` (which adds `type`).
fn chain(classes: Vec<Class>) -> Arc<Vec<Class>> {
    let mut v = classes;
    v.push(class(
        "object",
        vec![Property::new("type", "string", Prop::TypeName)],
    ));
    Arc::new(v)
}

fn s(v: &str) -> Prop {
    Prop::Value(Value::from(v))
}

fn b(v: bool) -> Prop {
    Prop::Value(Value::Bool(v))
}

/// The properties `machine_class_init` (`hw/core/machine.c`) adds, with
/// the values a `-machine none` machine has (`set`: the values given with
/// `-machine`).
fn machine_class(cfg: &Config, set: &[(String, Value)]) -> Class {
    let smp = SMPConfiguration {
        cpus: Some(1),
        drawers: Some(1),
        books: Some(1),
        sockets: Some(1),
        dies: Some(1),
        clusters: Some(1),
        modules: Some(1),
        cores: Some(1),
        threads: Some(1),
        maxcpus: Some(1),
    };
    let caches: Vec<SmpCacheProperties> = CacheLevelAndType::VARIANTS
        .iter()
        .map(|&cache| SmpCacheProperties {
            cache,
            topology: CpuTopologyLevel::Default,
        })
        .collect();
    let boot = BootConfiguration {
        order: None,
        once: None,
        menu: None,
        splash: None,
        splash_time: None,
        reboot_timeout: None,
        strict: None,
    };
    let memory = MemorySizeConfiguration {
        size: Some(0),
        max_size: None,
        slots: None,
    };
    let mut props = vec![
        Property::new("kernel", "string", s("")),
        Property::new("shim", "string", s("")),
        Property::new("initrd", "string", s("")),
        Property::new("append", "string", s("")),
        Property::new("dtb", "string", s("")),
        Property::new("dumpdtb", "string", s("")),
        Property::new("boot", "BootConfiguration", Prop::Value(boot.to_value())),
        Property::new("smp", "SMPConfiguration", Prop::Value(smp.to_value())),
        Property::new(
            "smp-cache",
            "SmpCachePropertiesWrapper",
            Prop::Value(caches.to_value()),
        ),
        Property::new("phandle-start", "int", Prop::Value(Value::Int(0))),
        Property::new("dt-compatible", "string", s("")),
        Property::new("dump-guest-core", "bool", b(true)),
        Property::new("mem-merge", "bool", b(true)),
    ];
    if cfg.defined().any(|sym| sym == "CONFIG_POSIX") {
        props.push(Property::new("aux-ram-share", "bool", b(false)));
    }
    props.extend([
        Property::new("usb", "bool", b(false)),
        Property::new("graphics", "bool", b(true)),
        Property::new("firmware", "string", s("")),
        Property::new("suppress-vmdesc", "bool", b(false)),
        Property::new(
            "confidential-guest-support",
            "link<confidential-guest-support>",
            Prop::Link(None),
        ),
        Property::new("memory-encryption", "string", s("")),
        Property::new("memory-backend", "link<memory-backend>", Prop::Link(None)),
        Property::new(
            "memory",
            "MemorySizeConfiguration",
            Prop::Value(memory.to_value()),
        ),
    ]);
    for (name, v) in set {
        if let Some(p) = props.iter_mut().find(|p| &p.name == name) {
            p.prop = Prop::Value(v.clone());
        }
    }
    class("machine", props)
}

impl Qom {
    /// The tree QEMU builds for `-machine none` with these chardevs (in
    /// creation order).
    pub fn new(
        cfg: &QemuConfig,
        chardevs: &[ChardevInfo],
        machine_props: &[(String, Value)],
    ) -> Qom {
        let container = chain(vec![class("container", vec![])]);
        let mut q = Qom { objects: vec![] };
        let root = q.add(None, "", container.clone());
        if crate::facts::Facts::of(cfg).drc_container {
            q.add(Some(root), "dr-connector", container.clone());
        }
        // Insertion order of the root's children (see `ghash`: it decides
        // the iteration order together with the names).
        q.add(Some(root), "objects", container.clone());
        let chardevs_root = q.add(Some(root), "chardevs", container.clone());
        // The storage daemon has no machine: its root holds the containers.
        let daemon = cfg
            .program
            .is_some_and(|p| std::ptr::eq(p, &qapi_defs::QEMU_STORAGE_DAEMON));
        if daemon {
            q.add(Some(root), "backend", container.clone());
        } else {
            q.add_machine(root, cfg, machine_props, &container);
        }
        let stdio = chain(vec![
            class("chardev-stdio", vec![]),
            class("chardev-fd", vec![]),
            class("chardev", vec![]),
        ]);
        for c in chardevs {
            match &c.socket {
                None => {
                    q.add(Some(chardevs_root), &c.id, stdio.clone());
                }
                Some(path) => {
                    let mut addr = qapi_runtime::Dict::new();
                    addr.push_unique("type", "unix");
                    addr.push_unique("path", path.as_str());
                    let socket = chain(vec![
                        class(
                            "chardev-socket",
                            vec![
                                Property::new(
                                    "addr",
                                    "SocketAddress",
                                    Prop::Value(Value::Dict(addr)),
                                ),
                                Property::new("connected", "bool", Prop::Flag(c.connected.clone())),
                            ],
                        ),
                        class("chardev", vec![]),
                    ]);
                    q.add(Some(chardevs_root), &c.id, socket);
                }
            }
        }
        q
    }

    /// `/machine` of `-machine none` and what it holds, then `/backend`
    /// (in QEMU's order of creation, which decides the root's order).
    fn add_machine(
        &mut self,
        root: usize,
        cfg: &QemuConfig,
        machine_props: &[(String, Value)],
        container: &Arc<Vec<Class>>,
    ) {
        let machine = self.add(
            Some(root),
            "machine",
            chain(vec![
                class("none-machine", vec![]),
                machine_class(cfg, machine_props),
            ]),
        );
        self.add(Some(root), "backend", container.clone());
        self.add(Some(machine), "peripheral", container.clone());
        self.add(Some(machine), "peripheral-anon", container.clone());
        let unattached = self.add(Some(machine), "unattached", container.clone());
        let bus = chain(vec![
            class("System", vec![]),
            class("bus", vec![Property::new("realized", "bool", b(false))]),
        ]);
        let sysbus = self.add(Some(unattached), "sysbus", bus);
        self.objects[sysbus].props.push(Property::new(
            "hotplug-handler",
            "link<hotplug-handler>",
            Prop::Link(None),
        ));
        let region = chain(vec![class("memory-region", vec![])]);
        for (name, size) in [("system[0]", u64::MAX), ("io[0]", 65536u64)] {
            let r = self.add(Some(unattached), name, region.clone());
            self.objects[r].props.extend([
                Property::new("container", "link<memory-region>", Prop::Link(None)),
                Property::new("addr", "uint64", Prop::Value(Value::Int(0))),
                Property::new("priority", "uint32", Prop::Value(Value::Int(0))),
                Property::new("size", "uint64", Prop::Value(Value::from(size))),
            ]);
        }
    }

    fn add(&mut self, parent: Option<usize>, name: &str, classes: Arc<Vec<Class>>) -> usize {
        let id = self.objects.len();
        self.objects.push(Object {
            classes,
            props: Vec::new(),
            parent: parent.map(|p| (p, name.to_owned())),
        });
        if let Some(p) = parent {
            let ty = format!("child<{}>", self.objects[id].type_name());
            self.objects[p]
                .props
                .push(Property::new(name, ty, Prop::Child(id)));
        }
        id
    }

    /// Every property of `obj` in QOM's iteration order.
    fn iter_props(&self, obj: usize) -> Vec<&Property> {
        let o = &self.objects[obj];
        let mut out = in_table_order(&o.props);
        for c in o.classes.iter() {
            out.extend(in_table_order(&c.props));
        }
        out
    }

    /// `object_property_find`: instance first, then the classes.
    fn find(&self, obj: usize, name: &str) -> Option<&Property> {
        let o = &self.objects[obj];
        o.props
            .iter()
            .chain(o.classes.iter().flat_map(|c| c.props.iter()))
            .find(|p| p.name == name)
    }

    /// `object_get_canonical_path`.
    pub fn path(&self, obj: usize) -> String {
        let mut parts = Vec::new();
        let mut cur = obj;
        while let Some((p, name)) = &self.objects[cur].parent {
            parts.push(name.as_str());
            cur = *p;
        }
        if parts.is_empty() {
            return "/".to_owned();
        }
        parts.reverse();
        format!("/{}", parts.join("/"))
    }

    /// `object_resolve_path_component`: a child, or a link's target.
    fn component(&self, obj: usize, part: &str) -> Option<usize> {
        match self.find(obj, part)?.prop {
            Prop::Child(c) => Some(c),
            Prop::Link(t) => t,
            _ => None,
        }
    }

    fn resolve_abs(&self, obj: usize, parts: &[&str]) -> Option<usize> {
        match parts.split_first() {
            None => Some(obj),
            Some((&"", rest)) => self.resolve_abs(obj, rest),
            Some((part, rest)) => self.resolve_abs(self.component(obj, part)?, rest),
        }
    }

    /// `object_resolve_partial_path`.
    fn resolve_partial(&self, obj: usize, parts: &[&str]) -> Result<Option<usize>, Ambiguous> {
        let mut found = self.resolve_abs(obj, parts);
        let o = &self.objects[obj];
        let children: Vec<usize> = in_table_order(&o.props)
            .into_iter()
            .filter_map(|p| match p.prop {
                Prop::Child(c) => Some(c),
                _ => None,
            })
            .collect();
        for c in children {
            if let Some(f) = self.resolve_partial(c, parts)? {
                if found.is_some() {
                    return Err(Ambiguous);
                }
                found = Some(f);
            }
        }
        Ok(found)
    }

    /// `object_resolve_path`: absolute paths start with `/`; anything else
    /// is searched for in the whole tree.
    pub fn resolve(&self, path: &str) -> Result<Option<usize>, Ambiguous> {
        // g_strsplit("", "/") yields no parts at all.
        let parts: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        match parts.first() {
            Some(&"") => Ok(self.resolve_abs(0, &parts[1..])),
            _ => self.resolve_partial(0, &parts),
        }
    }

    /// `qom-list`: name and type of every property, as QEMU lists them.
    pub fn list(&self, obj: usize) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .iter_props(obj)
            .into_iter()
            .map(|p| (p.name.clone(), p.ty.clone()))
            .collect();
        v.reverse();
        v
    }

    /// `qom-get` of one property.
    pub fn get(&self, obj: usize, name: &str) -> Result<Value, Error> {
        let o = &self.objects[obj];
        let Some(p) = self.find(obj, name) else {
            return Err(Error::generic(format!(
                "Property '{}.{name}' not found",
                o.type_name()
            )));
        };
        Ok(match &p.prop {
            Prop::Child(c) => Value::Str(self.path(*c)),
            Prop::Link(t) => Value::Str(t.map(|t| self.path(t)).unwrap_or_default()),
            Prop::Value(v) => v.clone(),
            Prop::Flag(f) => Value::Bool(f.load(Ordering::SeqCst)),
            Prop::TypeName => Value::from(o.type_name()),
        })
    }
}

/// A partial path that matches more than one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ambiguous;

//! `qom.json` / `qdev.json` over the type table: `qom-list-types`,
//! `device-list-properties`, `qom-list-properties`
//! (`qom/qom-qmp-cmds.c`).

use qapi_defs::{
    ObjectPropertyInfo, ObjectTypeInfo, device_list_properties, qom_list_properties, qom_list_types,
};
use qapi_runtime::{Error, Handlers};

use crate::emulator::data::props::QOM_PROPS;
use crate::emulator::types::{PropDef, TypeTable, device_props, props_of};
use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    // object_class_foreach walks the table and each entry is prepended:
    // the reply is the table's iteration order reversed.
    h.add::<qom_list_types>(|m, args| {
        m.modules.load_all();
        let table = TypeTable::new(&m.config, &m.modules);
        let with_abstract = args.r#abstract.unwrap_or(false);
        let mut out: Vec<ObjectTypeInfo> = table
            .iter()
            .filter(|t| with_abstract || !t.abstract_)
            .filter(|t| args.implements.as_deref().is_none_or(|i| table.is_a(t, i)))
            .map(|t| ObjectTypeInfo {
                name: t.name.to_owned(),
                r#abstract: t.abstract_.then_some(true),
                parent: t.parent.map(str::to_owned),
            })
            .collect();
        out.reverse();
        Ok(out)
    });
    h.add::<device_list_properties>(|m, args| {
        let table = TypeTable::new(&m.config, &m.modules);
        let Some(t) = table.get(&args.typename) else {
            return Err(Error::device_not_found(format!(
                "Device '{}' not found",
                args.typename
            )));
        };
        // module_object_class_by_name loaded the type's modules.
        m.modules.load_for_type(t.name);
        if !table.is_a(t, "device") || t.abstract_ {
            return Err(Error::generic(
                "Parameter 'typename' expects a non-abstract device type",
            ));
        }
        let props = device_props(&m.config, t.name)
            .ok_or_else(|| not_modelled("device-list-properties", t.name))?;
        Ok(infos(props))
    });
    h.add::<qom_list_properties>(|m, args| {
        let table = TypeTable::new(&m.config, &m.modules);
        let Some(t) = table.get(&args.typename) else {
            return Err(Error::device_not_found(format!(
                "Class '{}' not found",
                args.typename
            )));
        };
        // module_object_class_by_name loaded the type's modules.
        m.modules.load_for_type(t.name);
        if !table.is_a(t, "object") {
            return Err(Error::generic("Parameter 'typename' expects a QOM type"));
        }
        let props = props_of(QOM_PROPS, &m.config, t.name)
            .ok_or_else(|| not_modelled("qom-list-properties", t.name))?;
        Ok(infos(props.iter()))
    });
}

fn infos<'a>(props: impl IntoIterator<Item = &'a PropDef>) -> Vec<ObjectPropertyInfo> {
    props
        .into_iter()
        .map(|p| ObjectPropertyInfo {
            name: p.name.to_owned(),
            r#type: p.ty.to_owned(),
            description: p.desc.map(str::to_owned),
            default_value: p.default.as_ref().map(|d| d.to_value()),
        })
        .collect()
}

/// A type the data has no property list for (every device type's
/// device-list-properties list is written, qom-list-properties lists only
/// of the types management tools ask about; see the emulator module).
fn not_modelled(command: &str, ty: &str) -> Error {
    Error::generic(format!(
        "The command {command} is not implemented by this emulator for type '{ty}'"
    ))
}

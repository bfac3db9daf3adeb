//! `query-command-line-options`, `query-tpm-models`, `query-tpm-types`,
//! `query-gic-capabilities`.

use qapi_defs::{
    CommandLineOptionInfo, CommandLineParameterInfo, CommandLineParameterType, GICCapability,
    TpmModel, TpmType, query_command_line_options, query_gic_capabilities, query_tpm_models,
    query_tpm_types,
};
use qapi_runtime::{Error, Handlers, QapiEnum};

use crate::emulator::data::misc::{GIC, OPTION_GROUPS, TPM_MODELS, TPM_TYPES};
use crate::emulator::holds;
use crate::emulator::options::OptionGroup;
use crate::machine::NoneMachine;

pub fn register(h: &mut Handlers<NoneMachine>) {
    h.add::<query_command_line_options>(|m, args| {
        let mut groups: Vec<&OptionGroup> = OPTION_GROUPS
            .iter()
            .filter(|g| holds(&m.config, g.cond))
            // ui-spice-core registers its group when loaded.
            .filter(|g| g.option != "spice" || m.modules.spice_core())
            .filter(|g| g.modules_loaded.is_none_or(|l| l == m.modules.all()))
            .filter(|g| args.option.as_deref().is_none_or(|o| o == g.option))
            .collect();
        groups.sort_by_key(|g| g.position);
        if groups.is_empty()
            && let Some(o) = &args.option
        {
            return Err(Error::generic(format!("invalid option name: {o}")));
        }
        groups
            .into_iter()
            .map(|g| {
                let parameters = g
                    .params
                    .iter()
                    .map(|p| {
                        Ok(CommandLineParameterInfo {
                            name: p.name.to_owned(),
                            r#type: CommandLineParameterType::from_name(p.ty).ok_or_else(|| {
                                Error::generic(format!("unknown parameter type {}", p.ty))
                            })?,
                            help: p.help.map(str::to_owned),
                            default: p.default.map(str::to_owned),
                        })
                    })
                    .collect::<Result<_, Error>>()?;
                Ok(CommandLineOptionInfo {
                    option: g.option.to_owned(),
                    parameters,
                })
            })
            .collect()
    });
    h.add::<query_tpm_models>(|m, _| {
        Ok(TPM_MODELS
            .iter()
            .filter(|(_, c)| holds(&m.config, *c))
            .filter_map(|(n, _)| TpmModel::from_name(n))
            .collect())
    });
    h.add::<query_tpm_types>(|m, _| {
        Ok(TPM_TYPES
            .iter()
            .filter(|(_, c)| holds(&m.config, *c))
            .filter_map(|(n, _)| TpmType::from_name(n))
            .collect())
    });
    h.add::<query_gic_capabilities>(|m, _| {
        Ok(GIC
            .iter()
            .filter(|g| holds(&m.config, g.3))
            .map(|&(version, emulated, kernel, _)| GICCapability {
                version,
                emulated,
                kernel,
            })
            .collect())
    });
}

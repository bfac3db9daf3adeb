//! Conditions (`if`) as constant trees over condition symbols, evaluated at
//! run time against a [`crate::Config`].
//!
//! QEMU turns `'if'` into `#if` and compiles the schema once per variant;
//! we keep the condition as data and ask it per configuration.  The macros
//! turn `if = all(A, B)` into `Pred::All(&[Pred::Sym(sym::A), Pred::Sym(sym::B)])`
//! (`sym` being the symbol module in scope at the definition), so a
//! misspelt symbol is a compile error at the user's token.

use std::fmt;

/// A condition symbol, declared with [`symbols!`](crate::symbols).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym {
    pub name: &'static str,
    pub class: SymClass,
}

/// Who decides whether a symbol is defined: the variant of the program
/// (`target`: it comes with the variant, as QEMU's `config-target.h`), or
/// its build (`build`: the same for every variant, as `config-host.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymClass {
    Target,
    Build,
}

impl Sym {
    pub const fn target(name: &'static str) -> Sym {
        Sym {
            name,
            class: SymClass::Target,
        }
    }
    pub const fn build(name: &'static str) -> Sym {
        Sym {
            name,
            class: SymClass::Build,
        }
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A QAPI condition: a symbol, or `all`/`any`/`not` of conditions.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pred {
    Sym(Sym),
    Not(&'static Pred),
    All(&'static [Pred]),
    Any(&'static [Pred]),
}

impl Pred {
    /// Evaluates the condition, `defined` telling whether a symbol is set.
    pub fn eval(&self, defined: &dyn Fn(&Sym) -> bool) -> bool {
        match self {
            Pred::Sym(s) => defined(s),
            Pred::Not(p) => !p.eval(defined),
            Pred::All(ps) => ps.iter().all(|p| p.eval(defined)),
            Pred::Any(ps) => ps.iter().any(|p| p.eval(defined)),
        }
    }

    /// Calls `f` on every symbol the condition mentions.
    pub fn for_each_sym(&self, f: &mut dyn FnMut(&Sym)) {
        match self {
            Pred::Sym(s) => f(s),
            Pred::Not(p) => p.for_each_sym(f),
            Pred::All(ps) | Pred::Any(ps) => ps.iter().for_each(|p| p.for_each_sym(f)),
        }
    }

    fn fmt_c(&self, f: &mut fmt::Formatter<'_>, top: bool) -> fmt::Result {
        // QEMU's rendering (scripts/qapi/common.py): nested all/any are
        // parenthesised, the top level is not.
        match self {
            Pred::Sym(s) => write!(f, "defined({})", s.name),
            Pred::Not(p) => {
                f.write_str("!")?;
                p.fmt_c(f, false)
            }
            Pred::All(ps) | Pred::Any(ps) => {
                let op = if matches!(self, Pred::All(_)) {
                    " && "
                } else {
                    " || "
                };
                if !top {
                    f.write_str("(")?;
                }
                for (i, p) in ps.iter().enumerate() {
                    if i > 0 {
                        f.write_str(op)?;
                    }
                    p.fmt_c(f, false)?;
                }
                if !top {
                    f.write_str(")")?;
                }
                Ok(())
            }
        }
    }
}

/// Shows the condition as QEMU's generator would write it in C.
impl fmt::Display for Pred {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_c(f, true)
    }
}

impl fmt::Debug for Pred {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// An optional condition, as descriptors store it (`None`: always true).
pub type Cond = Option<&'static Pred>;

/// Declares condition symbols: a constant per symbol, usable in `if = ...`,
/// and an entry in the link-time symbol table (so `-build-config` knows it).
///
/// ```
/// pub mod my_syms {
///     qapi_runtime::symbols! {
///         /// Our own build switch.
///         build MY_FEATURE;
///     }
/// }
/// assert_eq!(my_syms::MY_FEATURE.name, "MY_FEATURE");
/// ```
#[macro_export]
macro_rules! symbols {
    ($($(#[$m:meta])* $class:ident $name:ident;)*) => {
        $(
            $(#[$m])*
            #[allow(non_upper_case_globals)]
            pub const $name: $crate::Sym = $crate::__sym_ctor!($class, stringify!($name));
            const _: () = {
                #[$crate::__private::linkme::distributed_slice($crate::registry::QAPI_SYMBOLS)]
                #[linkme(crate = $crate::__private::linkme)]
                static SYM: $crate::Sym = $name;
            };
        )*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __sym_ctor {
    (target, $name:expr) => {
        $crate::Sym::target($name)
    };
    (build, $name:expr) => {
        $crate::Sym::build($name)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::symbols! {
        target TARGET_S390X;
        target CONFIG_KVM;
        build CONFIG_TCG;
    }

    #[test]
    fn renders_like_qemu() {
        static P: Pred = Pred::All(&[
            Pred::Sym(TARGET_S390X),
            Pred::Any(&[Pred::Sym(CONFIG_KVM), Pred::Not(&Pred::Sym(CONFIG_TCG))]),
        ]);
        assert_eq!(
            P.to_string(),
            "defined(TARGET_S390X) && (defined(CONFIG_KVM) || !defined(CONFIG_TCG))"
        );
        assert!(P.eval(&|s| s.name == "TARGET_S390X"));
        assert!(!P.eval(&|s| s.name == "TARGET_S390X" || s.name == "CONFIG_TCG"));
    }
}

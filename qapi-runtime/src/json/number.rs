//! Numbers as QEMU prints them: integers in decimal, doubles with C's `%.17g`.

/// Formats `x` exactly as glibc's `printf("%.17g", x)` does.
///
/// QEMU writes doubles this way (`qobject/json-writer.c`), including `inf`,
/// `-inf` and `nan`, which are not JSON but are what QEMU sends.
pub fn format_g17(x: f64, out: &mut String) {
    const P: i32 = 17;
    if x.is_nan() {
        out.push_str(if x.is_sign_negative() { "-nan" } else { "nan" });
        return;
    }
    if x.is_infinite() {
        out.push_str(if x < 0.0 { "-inf" } else { "inf" });
        return;
    }
    // Rust's `{:e}` with a precision rounds correctly, as glibc does.
    let sci = format!("{:.*e}", (P - 1) as usize, x);
    let (mantissa, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent digits");
    if (-4..P).contains(&exp) {
        // %f style with P-1-exp digits after the point.
        let fixed = format!("{:.*}", (P - 1 - exp) as usize, x);
        out.push_str(strip_zeros(&fixed));
    } else {
        out.push_str(strip_zeros(mantissa));
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
}

/// `%g` without `#` drops trailing zeros of the fraction, and the point.
fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    fn g(x: f64) -> String {
        let mut s = String::new();
        super::format_g17(x, &mut s);
        s
    }

    #[test]
    fn like_glibc() {
        assert_eq!(g(0.1), "0.10000000000000001");
        assert_eq!(g(1.5), "1.5");
        assert_eq!(g(100.0), "100");
        assert_eq!(g(0.0), "0");
        assert_eq!(g(-0.0), "-0");
        assert_eq!(g(18446744073709551616.0), "1.8446744073709552e+19");
        assert_eq!(g(1e16), "10000000000000000");
        assert_eq!(g(1e17), "1e+17");
        assert_eq!(g(0.0001), "0.0001");
        assert_eq!(g(0.00001), "1.0000000000000001e-05");
        assert_eq!(g(f64::INFINITY), "inf");
        assert_eq!(g(f64::NEG_INFINITY), "-inf");
        assert_eq!(g(123456789.125), "123456789.125");
        assert_eq!(g(5e-324), "4.9406564584124654e-324");
        assert_eq!(g(1.7976931348623157e308), "1.7976931348623157e+308");
    }
}

//! The QAPI module `audio.json`.

use crate::prelude::*;

qapi::module!("audio");

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevPerDirectionOptions {
    pub mixing_engine: Option<bool>,
    pub fixed_settings: Option<bool>,
    pub frequency: Option<u32>,
    pub channels: Option<u32>,
    pub voices: Option<u32>,
    pub format: Option<AudioFormat>,
    pub buffer_length: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevGenericOptions {
    pub r#in: Option<AudiodevPerDirectionOptions>,
    pub out: Option<AudiodevPerDirectionOptions>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevDBusOptions {
    pub r#in: Option<AudiodevPerDirectionOptions>,
    pub out: Option<AudiodevPerDirectionOptions>,
    pub nsamples: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevAlsaPerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub dev: Option<String>,
    pub period_length: Option<u32>,
    pub try_poll: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevAlsaOptions {
    pub r#in: Option<AudiodevAlsaPerDirectionOptions>,
    pub out: Option<AudiodevAlsaPerDirectionOptions>,
    pub threshold: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevSndioOptions {
    pub r#in: Option<AudiodevPerDirectionOptions>,
    pub out: Option<AudiodevPerDirectionOptions>,
    pub dev: Option<String>,
    pub latency: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevCoreaudioPerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub buffer_count: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevCoreaudioOptions {
    pub r#in: Option<AudiodevCoreaudioPerDirectionOptions>,
    pub out: Option<AudiodevCoreaudioPerDirectionOptions>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevDsoundOptions {
    pub r#in: Option<AudiodevPerDirectionOptions>,
    pub out: Option<AudiodevPerDirectionOptions>,
    pub latency: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevJackPerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub server_name: Option<String>,
    pub client_name: Option<String>,
    pub connect_ports: Option<String>,
    pub start_server: Option<bool>,
    pub exact_name: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevJackOptions {
    pub r#in: Option<AudiodevJackPerDirectionOptions>,
    pub out: Option<AudiodevJackPerDirectionOptions>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevOssPerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub dev: Option<String>,
    pub buffer_count: Option<u32>,
    pub try_poll: Option<bool>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevOssOptions {
    pub r#in: Option<AudiodevOssPerDirectionOptions>,
    pub out: Option<AudiodevOssPerDirectionOptions>,
    pub try_mmap: Option<bool>,
    pub exclusive: Option<bool>,
    pub dsp_policy: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevPaPerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub name: Option<String>,
    pub stream_name: Option<String>,
    pub latency: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevPaOptions {
    pub r#in: Option<AudiodevPaPerDirectionOptions>,
    pub out: Option<AudiodevPaPerDirectionOptions>,
    pub server: Option<String>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevPipewirePerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub name: Option<String>,
    pub stream_name: Option<String>,
    pub latency: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevPipewireOptions {
    pub r#in: Option<AudiodevPipewirePerDirectionOptions>,
    pub out: Option<AudiodevPipewirePerDirectionOptions>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevSdlPerDirectionOptions {
    #[qapi(base)]
    pub base: AudiodevPerDirectionOptions,
    pub buffer_count: Option<u32>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevSdlOptions {
    pub r#in: Option<AudiodevSdlPerDirectionOptions>,
    pub out: Option<AudiodevSdlPerDirectionOptions>,
}

#[qapi::structure]
#[derive(Debug, Clone, PartialEq)]
pub struct AudiodevWavOptions {
    pub r#in: Option<AudiodevPerDirectionOptions>,
    pub out: Option<AudiodevPerDirectionOptions>,
    pub path: Option<String>,
}

#[qapi::enumeration]
pub enum AudioFormat {
    U8,
    S8,
    U16,
    S16,
    U32,
    S32,
    F32,
}

#[qapi::enumeration]
pub enum AudiodevDriver {
    None,
    #[qapi(if = CONFIG_AUDIO_ALSA)]
    Alsa,
    #[qapi(if = CONFIG_AUDIO_COREAUDIO)]
    Coreaudio,
    #[qapi(if = CONFIG_DBUS_DISPLAY)]
    Dbus,
    #[qapi(if = CONFIG_AUDIO_DSOUND)]
    Dsound,
    #[qapi(if = CONFIG_AUDIO_JACK)]
    Jack,
    #[qapi(if = CONFIG_AUDIO_OSS)]
    Oss,
    #[qapi(if = CONFIG_AUDIO_PA)]
    Pa,
    #[qapi(if = CONFIG_AUDIO_PIPEWIRE)]
    Pipewire,
    #[qapi(if = CONFIG_AUDIO_SDL)]
    Sdl,
    #[qapi(if = CONFIG_AUDIO_SNDIO)]
    Sndio,
    #[qapi(if = CONFIG_SPICE)]
    Spice,
    Wav,
}

#[qapi::union]
#[derive(Debug, Clone, PartialEq)]
pub struct Audiodev {
    pub id: String,
    #[qapi(discriminator)]
    pub driver: AudiodevBranch,
    pub timer_period: Option<u32>,
}

#[qapi::branches(tag = AudiodevDriver)]
#[derive(Debug, Clone, PartialEq)]
pub enum AudiodevBranch {
    None(AudiodevGenericOptions),
    #[qapi(if = CONFIG_AUDIO_ALSA)]
    Alsa(AudiodevAlsaOptions),
    #[qapi(if = CONFIG_AUDIO_COREAUDIO)]
    Coreaudio(AudiodevCoreaudioOptions),
    #[qapi(if = CONFIG_DBUS_DISPLAY)]
    Dbus(AudiodevDBusOptions),
    #[qapi(if = CONFIG_AUDIO_DSOUND)]
    Dsound(AudiodevDsoundOptions),
    #[qapi(if = CONFIG_AUDIO_JACK)]
    Jack(AudiodevJackOptions),
    #[qapi(if = CONFIG_AUDIO_OSS)]
    Oss(AudiodevOssOptions),
    #[qapi(if = CONFIG_AUDIO_PA)]
    Pa(AudiodevPaOptions),
    #[qapi(if = CONFIG_AUDIO_PIPEWIRE)]
    Pipewire(AudiodevPipewireOptions),
    #[qapi(if = CONFIG_AUDIO_SDL)]
    Sdl(AudiodevSdlOptions),
    #[qapi(if = CONFIG_AUDIO_SNDIO)]
    Sndio(AudiodevSndioOptions),
    #[qapi(if = CONFIG_SPICE)]
    Spice(AudiodevGenericOptions),
    Wav(AudiodevWavOptions),
}

#[qapi::command]
pub fn query_audiodevs() -> Result<Vec<Audiodev>>;

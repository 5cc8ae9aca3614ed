//! General word lists (not names): titles, honorifics, attribution verbs, meeting words, common
//! capitalised words. Compiled once into hash sets (with foldhash: every word of every article is
//! looked up in several of them, and the standard library's DoS-resistant SipHash cost more than
//! the lookups themselves; a fixed set cannot be flooded).

use foldhash::HashSet;
use std::sync::LazyLock;

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

/// Office head nouns (lower case): the word a title ends on ("Foreign *Minister*").
pub static TITLE_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "president vice-president president-elect premier minister secretary secretary-general chancellor \
         leader chairman chairwoman chairperson chair king queen prince princess emperor empress sultan emir \
         sheikh monarch governor mayor senator congressman congresswoman lawmaker legislator ambassador envoy \
         spokesperson spokesman spokeswoman adviser advisor director chief commander general admiral marshal \
         colonel head ceo founder judge justice speaker pope cardinal archbishop bishop imam rabbi \
         attorney-general prosecutor commissioner representative delegate negotiator diplomat official \
         counterpart administrator superintendent treasurer mp",
    )
});

/// Words that may precede a head noun inside a title ("*National Security* Adviser").
pub static TITLE_MODIFIERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "foreign defense defence finance interior home trade unification justice health education energy \
         economy economic agriculture labor labour culture transport transportation environment industry \
         commerce security national state deputy vice first prime supreme presidential department party \
         executive acting interim senior top opposition military armed forces affairs public information \
         communications treasury development planning fisheries mines mining petroleum oil water tourism \
         sports youth women family welfare social science technology digital housing land infrastructure \
         intelligence police army navy air force general assistant associate principal special chief \
         permanent central regional provincial federal parliamentary majority minority house senate \
         immigration customs revenue budget cabinet government ruling managing technical legal press \
         strategy policy relations international external overseas",
    )
});

/// Honorifics: not offices, but they mark the next words as a person's name.
pub static HONORIFICS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "mr mrs ms miss dr prof sir dame lord lady sen rep gov gen lt col maj capt sgt adm rev hon \
         sheikh mx madam",
    )
});

/// Words that end a name run and make it an organisation ("Hanwha *Group*").
pub static ORG_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "party ministry committee council assembly agency group corporation corp inc ltd llc plc company \
         co bank university college institute academy army navy forces front movement union association \
         federation commission court parliament congress senate police post times news motors motor \
         airlines airways electronics industries holdings foundation fund organization organisation \
         organisations organizations alliance league coalition bureau office department authority service \
         services board tribunal guard brigade command cabinet government administration club network \
         television radio press media herald tribune journal gazette telegraph daily broadcasting \
         petroleum energy oil telecom communications airlines railways school hospital church mosque",
    )
});

/// Words that end a name run and make it a place ("Camp Humphreys", "North Gyeongsang *Province*").
pub static PLACE_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "province prefecture county district region state city town village island islands sea ocean \
         river lake mountain mountains valley desert peninsula strait gulf bay coast tower world plaza \
         square street avenue road bridge airport port harbour harbor base palace hall stadium park \
         border zone camp fort mount canal dam highway",
    )
});

/// Place words that come first ("*Camp* Humphreys", "*Mount* Kenya").
pub static PLACE_PREFIXES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("camp fort mount lake cape port"));

/// Verbs that attribute speech (lower case, all forms used).
pub static SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "said says say told tells added adds stated states stating declared declares declaring \
         announced announces explained explains explaining noted notes noting stressed stresses stressing \
         emphasized emphasised emphasizing emphasising argued argues arguing warned warns warning \
         insisted insists claimed claims claiming asked asks wrote writes writing remarked remarks \
         proposed proposes urged urges replied replies responded responds continued continues \
         underscored underscores acknowledged acknowledges admitted admits recalled recalls described \
         describes vowed vows pledged pledges confirmed confirms denied denies suggested suggests \
         insisting adding saying telling conceded concedes observed observes commented comments \
         tweeted posted",
    )
});

/// Multi-word speech phrases (lower case) whose last word is the verb position.
pub const SPEECH_PHRASES: &[&str] = &[
    "pointed out",
    "put it",
    "went on",
    "said in",
    "according to",
];

/// Words of relatives, for RELATIVE_OF.
pub static RELATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "sister brother wife husband son daughter mother father cousin uncle aunt niece nephew \
         grandson granddaughter grandfather grandmother widow widower stepson stepdaughter half-brother \
         half-sister spouse partner",
    )
});

/// Months by name and abbreviation, lower case.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Capitalised words that are never (part of) a person's name: function words, sentence openers,
/// calendar words, common nouns of news prose.
pub static COMMON_CAPS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "a an the this that these those there here it its he she his her they their them we our us i \
         you your my me him who whom whose which what when where why how and or but nor so yet for if \
         then than as at by in on of to from with without into onto over under after before during \
         since until while about against among between through across despite although though because \
         however meanwhile still also even only just both either neither each every all any some many \
         most more much few several no not yes one two three four five six seven eight nine ten first \
         second third last next new old former late early earlier later now today tomorrow yesterday \
         tonight monday tuesday wednesday thursday friday saturday sunday january february march april \
         may june july august september october november december jan feb mar apr jun jul aug sep sept \
         oct nov dec mid mr mrs ms dr date today posted share related popular more like read sign \
         register create already recently browsing image video photo getty reuters file according \
         adding asked other another such own same instead otherwise therefore thus indeed meanwhile \
         following amid amidst per via ever never always often sometimes perhaps maybe whether once \
         twice despite unlike like near beyond above below around inside outside toward towards upon \
         within let lets do does did done is are was were be been being has have had having will would \
         shall should can could might must up down out off back away again further yet north south \
         east west northern southern eastern western central world news breaking live update updated \
         opinion analysis editorial home about contact menu search subscribe login log follow comment \
         comments print email tags tag category categories section page previous jump content key \
         president minister secretary leader chairman government state national international \
         republic kingdom democratic people peoples united federal official officials security \
         foreign affairs defense defence ministry party committee council summit talks meeting \
         peace war nuclear military army navy police court white house office day week month year \
         years morning afternoon evening night spokesperson spokesman spokeswoman adviser advisor \
         director chief general deputy vice prime supreme presidential department unification \
         trade finance economy economic yesterday sources source report reports reported people \
         cooperation economic asia pacific european african asian american western global \
         chinese russian korean japanese he's she's it's i'm i'd we're they're don't can't won't \
         mister sir madam lady lord king queen prince princess pope saint st analysts critics officials \
         experts diplomats observers residents witnesses protesters lawmakers authorities investors \
         markets traders farmers workers voters citizens leaders ministers delegates negotiators",
    )
});

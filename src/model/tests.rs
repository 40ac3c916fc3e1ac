use super::*;

const ARCHIVE: &str = "Quận tổ chức lễ kỷ niệm ngày giải phóng thủ đô.\n\n\
    Ngày giải phóng thủ đô là ngày hội của cả quận; hòa bình và hoà hợp.\n\n\
    Năm 2024, quận có 12 phường và 3 xã. Phương án được thông qua.\n";

fn model_of(text: &str, min: u32) -> Model {
    let mut counts = Counts::default();
    counts.add_text(text);
    Model::from_bytes(counts.encode(min).unwrap()).unwrap()
}

fn count(model: &Model, a: &str, b: &str) -> u32 {
    model.bigram(model.id(a).unwrap(), model.id(b).unwrap())
}

#[test]
fn counts_survive_the_round_trip() {
    let model = model_of(ARCHIVE, 1);
    assert_eq!(count(&model, "giải", "phóng"), 2);
    assert_eq!(count(&model, "phóng", "thủ"), 2);
    assert_eq!(model.unigram(model.id("quận").unwrap()), 3);
    // Case folded, the new tone style read as the old one.
    assert_eq!(model.unigram(model.id("hòa").unwrap()), 2);
    assert!(model.id("hoà").is_none());
    // Numbers are one class; punctuation and line breaks part the pairs.
    assert_eq!(count(&model, NUMBER, "phường"), 1);
    assert_eq!(count(&model, "năm", NUMBER), 1);
    assert_eq!(count(&model, "đô", "ngày"), 0);
    assert_eq!(count(&model, "quận", "có"), 1);
    let p = model.provenance();
    assert_eq!(p.documents, 1);
    assert!(p.tokens > 30 && p.text_bytes > 100, "{p:?}");
    // Neighbours are one edit away, in the vocabulary, likeliest first.
    let of = |w: &str| -> Vec<&str> {
        model
            .neighbours(model.id(w).unwrap())
            .map(|(n, _)| model.syllable(n))
            .collect()
    };
    assert_eq!(of("phường"), vec!["phương"]);
    assert_eq!(of("phương"), vec!["phường"]);
    assert_eq!(of("ngày"), Vec::<&str>::new());
    let kinds: Vec<Edit> = model
        .neighbours(model.id("phường").unwrap())
        .map(|(_, k)| k)
        .collect();
    assert_eq!(kinds, vec![Edit::Tone]);
    assert_eq!(of(NUMBER), Vec::<&str>::new());
}

#[test]
fn rare_pairs_are_pruned_at_learning_time() {
    let model = model_of(ARCHIVE, 2);
    assert_eq!(count(&model, "giải", "phóng"), 2);
    assert_eq!(count(&model, "quận", "có"), 0);
    // Followers are counted before pruning: "quận" is followed by "tổ" and "có".
    assert_eq!(model.followers(model.id("quận").unwrap()), 2);
    assert_eq!(model.provenance().min_bigram_count, 2);
}

#[test]
fn merged_counts_equal_counts_of_the_whole() {
    let mut a = Counts::default();
    a.add_text("giải phóng thủ đô");
    let mut b = Counts::default();
    b.add_text("thủ đô hà nội, giải phóng");
    let mut whole = Counts::default();
    whole.add_text("giải phóng thủ đô");
    whole.add_text("thủ đô hà nội, giải phóng");
    assert_eq!(a.merge(b).encode(1), whole.encode(1));
}

#[test]
fn damaged_files_are_refused_with_a_reason() {
    let mut counts = Counts::default();
    counts.add_text(ARCHIVE);
    let good = counts.encode(1).unwrap();
    let refused = |bytes: Vec<u8>| Model::from_bytes(bytes).unwrap_err();
    assert!(refused(b"hello".to_vec()).contains("not a vnlint model"));
    assert!(refused(good[..good.len() - 4].to_vec()).contains("truncated"));
    assert!(refused(good[..HEADER_LEN].to_vec()).contains("truncated"));
    let mut version = good.clone();
    version[8] = 9;
    assert!(refused(version).contains("version 9"));
    // Every single flipped byte after the magic is caught, never a panic.
    for at in 8..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 0x40;
        assert!(
            Model::from_bytes(bad).is_err(),
            "byte {at} flipped went unnoticed"
        );
    }
    let mut longer = good.clone();
    longer.extend_from_slice(&[0; 8]);
    assert!(refused(longer).contains("truncated"));
}

#[test]
fn damaged_tables_with_a_matching_checksum_are_refused_too() {
    let mut counts = Counts::default();
    counts.add_text(ARCHIVE);
    let good = counts.encode(1).unwrap();
    let layout = Model::from_bytes(good.clone()).unwrap().layout;
    let reseal = |mut bytes: Vec<u8>| {
        let sum = checksum(&bytes);
        bytes[72..80].copy_from_slice(&sum.to_le_bytes());
        Model::from_bytes(bytes).unwrap_err()
    };
    // The vocabulary out of order.
    let mut bad = good.clone();
    bad.swap(layout.strings, layout.strings + 1);
    assert!(reseal(bad).contains("vocabulary"));
    // A pair row running past the table.
    let mut bad = good.clone();
    bad[layout.bigram_rows + 4..layout.bigram_rows + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(reseal(bad).contains("pair"));
    // A neighbour that is no syllable.
    let mut bad = good.clone();
    bad[layout.neighbour_ids..layout.neighbour_ids + 2].copy_from_slice(&u16::MAX.to_le_bytes());
    assert!(reseal(bad).contains("neighbour"));
}

#[test]
fn a_missing_or_damaged_file_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mo-hinh.vnlm");
    let e = Model::load(&path).unwrap_err();
    assert!(e.to_string().contains("mo-hinh.vnlm"), "{e}");
    std::fs::write(&path, b"VNLMODEL garbage").unwrap();
    let e = Model::load(&path).unwrap_err();
    assert!(e.message(Lang::Vi).contains("mo-hinh.vnlm"), "{e}");
}

#[test]
fn keys_are_lower_case_old_style_syllables() {
    let mut buf = String::new();
    assert!(key("HOÀ", &mut buf));
    assert_eq!(buf, "hòa");
    assert!(key("Thuỷ", &mut buf));
    assert_eq!(buf, "thủy");
    assert!(!key("UBND", &mut buf));
    assert!(!key("Stoke", &mut buf));
}

#[test]
fn triples_and_the_word_list_survive_the_round_trip() {
    let mut counts = Counts::with_trigrams();
    counts.add_text(ARCHIVE);
    counts.add_word_list("giải phóng\nthủ đô\nhòa bình\nkhông có ở đây\n");
    let bytes = counts.encode(1).unwrap();
    let model = Model::from_bytes(bytes).unwrap();
    let id = |w: &str| model.id(w).unwrap();
    assert!(model.has_trigrams());
    assert_eq!(model.trigram(id("giải"), id("phóng"), id("thủ")), 2);
    assert_eq!(model.trigram(id("phóng"), id("thủ"), id("đô")), 2);
    // Seen once: left out (triples seen fewer than 2 times are pruned), yet counted as a
    // follower of "quận có".
    assert_eq!(model.trigram(id("quận"), id("có"), NUMBER_ID(&model)), 0);
    assert_eq!(model.trigram_followers(id("quận"), id("có")), 1);
    assert_eq!(model.trigram(id("thủ"), id("đô"), id("ngày")), 0);
    // "ngày giải" is followed by "phóng" only; "ngày hội" by "của".
    assert_eq!(model.trigram_followers(id("ngày"), id("giải")), 1);
    assert!(model.in_word_list(id("giải"), id("phóng")));
    assert!(model.in_word_list(id("hòa"), id("bình")));
    assert!(!model.in_word_list(id("phóng"), id("giải")));
    // Words of the list the archive never wrote add nothing.
    assert!(model.id("đây").is_none());
    assert_eq!(model.provenance().min_trigram_count, 2);
    // An archive's model (no triples) answers 0.
    let plain = model_of(ARCHIVE, 1);
    assert!(!plain.has_trigrams());
    assert_eq!(plain.trigram(id("giải"), id("phóng"), id("thủ")), 0);
}

#[allow(non_snake_case)]
fn NUMBER_ID(model: &Model) -> u16 {
    model.id(NUMBER).unwrap()
}

#[test]
fn triple_counts_are_exact_up_to_127_then_within_three_percent() {
    for n in 0..128u64 {
        assert_eq!(u64::from(dequantise(quantise(n))), n);
    }
    for n in [128u64, 1_000, 54_321, 200_000] {
        let back = f64::from(dequantise(quantise(n)));
        assert!((back / n as f64 - 1.0).abs() < 0.03, "{n} -> {back}");
    }
    assert_eq!(quantise(u64::MAX), 255);
}

#[test]
fn the_builtin_model_is_the_recipes_and_loads() {
    let bytes = builtin::bytes();
    // The full checks the binary skips at start-up: checksum, sorted tables, bounds.
    let full = Model::from_bytes(bytes.to_vec()).expect("model/vi.vnlm validates");
    assert_eq!(
        full.provenance().recipe,
        RECIPE_VERSION,
        "model/vi.vnlm was built by another recipe: run scripts/build_model.py"
    );
    let recipe = builtin_recipe();
    assert_eq!(full.provenance().min_bigram_count, recipe.min_bigram_count);
    assert_eq!(
        full.provenance().min_trigram_count,
        recipe.min_trigram_count
    );
    assert_eq!(full.notice(), recipe.notice);
    assert!(full.notice().contains("CC BY-SA"));
    assert!(full.has_trigrams());
    assert!(bytes.len() <= 15_000_000, "{} bytes", bytes.len());
    let model = builtin().expect("the built-in model loads");
    assert_eq!(model.size(), bytes.len());
    let id = |w: &str| model.id(w).unwrap();
    assert!(model.bigram(id("việt"), id("nam")) > 1_000);
    assert!(model.trigram(id("cộng"), id("hòa"), id("xã")) > 100);
    assert!(model.in_word_list(id("thoát"), id("khỏi")) || model.in_word_list(id("cơ"), id("sở")));
}

#[test]
fn how_often_a_syllable_ends_before_a_break() {
    // "đô" stands before "." once and before "là" once; "ngày" never ends a phrase.
    for min in [1, 2] {
        let model = model_of(ARCHIVE, min);
        let id = |w: &str| model.id(w).unwrap();
        assert_eq!(model.ends(id("đô")), 1, "min {min}");
        assert_eq!(model.ends(id("ngày")), 0, "min {min}");
        assert_eq!(model.ends(id("hợp")), 1, "min {min}");
    }
    let mut counts = Counts::with_trigrams();
    counts.add_text(ARCHIVE);
    let recipe = Recipe {
        min_bigram_count: 1,
        min_trigram_count: 1,
        ..Recipe::default()
    };
    let model = Model::from_bytes(counts.encode_with(&recipe).unwrap()).unwrap();
    let id = |w: &str| model.id(w).unwrap();
    assert_eq!(model.trigram_ends(id("thủ"), id("đô")), Some(1));
    assert_eq!(model.trigram_ends(id("giải"), id("phóng")), Some(0));
    let rate = model.break_rate();
    assert!(rate > 0.05 && rate < 0.5, "{rate}");
}

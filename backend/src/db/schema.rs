// Hand-kept schema shared by both backends: only types that mean the same on SQLite and
// PostgreSQL (BigInt ids, Integer, Text, Bool, Timestamp in UTC). Keep in step with
// migrations/sqlite and migrations/postgres.

diesel::table! {
    units (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        short_name -> Text,
        kind -> Text,
        parent_id -> Nullable<BigInt>,
        sort_order -> Integer,
        active -> Bool,
        head_name -> Nullable<Text>,
        head_title -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        search_text -> Text,
        sort_name -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        active_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        full_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        position -> Nullable<Text>,
        role -> Text,
        unit_id -> Nullable<BigInt>,
        password_hash -> Text,
        must_change_password -> Bool,
        active -> Bool,
        password_changed_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        search_text -> Text,
        sort_name -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoked_reason -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        ip_address -> Nullable<Text>,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    login_attempts (throttle_key) {
        throttle_key -> Text,
        failures -> Integer,
        window_started_at -> Timestamp,
        blocked_until -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        session_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    service_accounts (id) {
        id -> BigInt,
        name -> Text,
        description -> Nullable<Text>,
        client_id -> Text,
        secret_hash -> Text,
        scopes -> Text,
        revoked_at -> Nullable<Timestamp>,
        created_by -> Nullable<BigInt>,
        last_used_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        secret_generation -> Integer,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        actor_user_id -> Nullable<BigInt>,
        actor_service_account_id -> Nullable<BigInt>,
        actor_name -> Text,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Text>,
        before_data -> Nullable<Text>,
        after_data -> Nullable<Text>,
        request_id -> Nullable<Text>,
        ip_address -> Nullable<Text>,
    }
}

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
        version -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    movements (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        description -> Nullable<Text>,
        legal_basis -> Nullable<Text>,
        legal_basis_date -> Nullable<Date>,
        starts_on -> Date,
        ends_on -> Nullable<Date>,
        active -> Bool,
        closed_at -> Nullable<Timestamp>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    exemplars (id) {
        id -> BigInt,
        subject_kind -> Text,
        name -> Text,
        position -> Nullable<Text>,
        title -> Nullable<Text>,
        member_count -> Nullable<Integer>,
        unit_id -> BigInt,
        category -> Text,
        field_of_work -> Text,
        achievements -> Text,
        discovered_on -> Date,
        discovery_method -> Nullable<Text>,
        discovered_by -> Nullable<Text>,
        stage -> Text,
        stage_changed_at -> Timestamp,
        stopped_reason -> Nullable<Text>,
        record_status -> Text,
        proposed_stage -> Nullable<Text>,
        proposed_note -> Nullable<Text>,
        proposed_by -> Nullable<BigInt>,
        proposed_at -> Nullable<Timestamp>,
        current_conclusion -> Nullable<Text>,
        discovery_year -> Integer,
        search_text -> Text,
        sort_name -> Text,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        photo_attachment_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        title -> Text,
        body -> Text,
        link -> Nullable<Text>,
        dedupe_key -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    exemplar_movements (exemplar_id, movement_id) {
        exemplar_id -> BigInt,
        movement_id -> BigInt,
        unit_id -> BigInt,
    }
}

diesel::table! {
    initiatives (id) {
        id -> BigInt,
        exemplar_id -> BigInt,
        position -> Integer,
        title -> Text,
        year -> Nullable<Integer>,
        recognised_by -> Nullable<Text>,
        scope -> Nullable<Text>,
    }
}

diesel::table! {
    stage_events (id) {
        id -> BigInt,
        exemplar_id -> BigInt,
        action -> Text,
        from_stage -> Nullable<Text>,
        to_stage -> Nullable<Text>,
        note -> Nullable<Text>,
        actor_user_id -> Nullable<BigInt>,
        actor_name -> Text,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    nurturing_plans (exemplar_id) {
        exemplar_id -> BigInt,
        strengths -> Text,
        shortcomings -> Text,
        measures -> Text,
        support -> Nullable<Text>,
        mentor -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    milestones (id) {
        id -> BigInt,
        exemplar_id -> BigInt,
        position -> Integer,
        title -> Text,
        due_on -> Date,
        status -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    summaries (exemplar_id) {
        exemplar_id -> BigInt,
        good_practice -> Text,
        lessons -> Text,
        results -> Text,
        figures -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    replications (id) {
        id -> BigInt,
        exemplar_id -> BigInt,
        adopter_unit_id -> Nullable<BigInt>,
        adopter_name -> Text,
        adopted_on -> Date,
        scale -> Text,
        outcome -> Text,
        evidence -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    introductions (id) {
        id -> BigInt,
        unit_id -> BigInt,
        month -> Text,
        title -> Text,
        write_up -> Text,
        status -> Text,
        submitted_at -> Nullable<Timestamp>,
        on_time -> Nullable<Bool>,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    introduction_exemplars (introduction_id, exemplar_id) {
        introduction_id -> BigInt,
        exemplar_id -> BigInt,
    }
}

diesel::table! {
    criteria_sets (id) {
        id -> BigInt,
        code -> Text,
        version_no -> Integer,
        name -> Text,
        subject_kind -> Text,
        description -> Nullable<Text>,
        status -> Text,
        pass_threshold -> Integer,
        nurture_threshold -> Integer,
        published_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    criteria (id) {
        id -> BigInt,
        set_id -> BigInt,
        position -> Integer,
        text -> Text,
        guidance -> Nullable<Text>,
        weight -> Integer,
        mode -> Text,
        max_score -> Nullable<Integer>,
    }
}

diesel::table! {
    evaluations (id) {
        id -> BigInt,
        exemplar_id -> BigInt,
        criteria_set_id -> BigInt,
        evaluator_user_id -> BigInt,
        evaluator_kind -> Text,
        status -> Text,
        score_percent -> Nullable<Integer>,
        computed_conclusion -> Nullable<Text>,
        conclusion_override -> Nullable<Text>,
        override_reason -> Nullable<Text>,
        conclusion -> Nullable<Text>,
        comment -> Nullable<Text>,
        supersedes_id -> Nullable<BigInt>,
        superseded_at -> Nullable<Timestamp>,
        finalised_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    evaluation_items (id) {
        id -> BigInt,
        evaluation_id -> BigInt,
        criterion_id -> BigInt,
        met -> Nullable<Bool>,
        score -> Nullable<Integer>,
        evidence -> Nullable<Text>,
        comment -> Nullable<Text>,
    }
}

diesel::table! {
    attachments (id) {
        id -> BigInt,
        owner_type -> Text,
        owner_id -> BigInt,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        has_thumbnail -> Bool,
        caption -> Nullable<Text>,
        uploaded_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    list_generations (name, shard) {
        name -> Text,
        shard -> Integer,
        generation -> BigInt,
    }
}

diesel::table! {
    propagation_activities (id) {
        id -> BigInt,
        unit_id -> BigInt,
        channel -> Text,
        title -> Text,
        held_on -> Date,
        url -> Nullable<Text>,
        views -> Nullable<BigInt>,
        shares -> Nullable<BigInt>,
        attendees -> Nullable<BigInt>,
        note -> Nullable<Text>,
        search_text -> Text,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    propagation_exemplars (activity_id, exemplar_id) {
        activity_id -> BigInt,
        exemplar_id -> BigInt,
    }
}

diesel::table! {
    commendation_publications (nominee_id) {
        nominee_id -> BigInt,
        public_summary -> Text,
        consent_given_on -> Nullable<Date>,
        consent_method -> Nullable<Text>,
        consent_recorded_by -> Nullable<Text>,
        consent_note -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<BigInt>,
        unpublished_at -> Nullable<Timestamp>,
        unpublished_by -> Nullable<BigInt>,
        unpublish_reason -> Nullable<Text>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    exemplar_publications (exemplar_id) {
        exemplar_id -> BigInt,
        public_summary -> Text,
        consent_given_on -> Nullable<Date>,
        consent_method -> Nullable<Text>,
        consent_recorded_by -> Nullable<Text>,
        consent_note -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<BigInt>,
        unpublished_at -> Nullable<Timestamp>,
        unpublished_by -> Nullable<BigInt>,
        unpublish_reason -> Nullable<Text>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    report_submissions (id) {
        id -> BigInt,
        kind -> Text,
        unit_id -> Nullable<BigInt>,
        period -> Text,
        status -> Text,
        title -> Text,
        note -> Nullable<Text>,
        submitted_at -> Timestamp,
        submitted_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<BigInt>,
        decision_note -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    reminder_claims (id) {
        id -> BigInt,
        obligation_key -> Text,
        offset_days -> Integer,
        channel -> Text,
        recipients -> Integer,
        claimed_at -> Timestamp,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> BigInt,
        user_id -> Nullable<BigInt>,
        to_address -> Text,
        to_name -> Text,
        subject -> Text,
        body -> Text,
        source -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> BigInt,
        name -> Text,
        url -> Text,
        events -> Text,
        secret -> Text,
        active -> Bool,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> BigInt,
        subscription_id -> BigInt,
        event -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        locked_until -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Timestamp>,
        redelivery_of -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    difficulties (id) {
        id -> BigInt,
        unit_id -> BigInt,
        subject -> Text,
        body -> Text,
        obligation_key -> Nullable<Text>,
        exemplar_id -> Nullable<BigInt>,
        status -> Text,
        raised_by -> Nullable<BigInt>,
        raised_at -> Timestamp,
        answer -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
        referral_note -> Nullable<Text>,
        referred_at -> Nullable<Timestamp>,
        direction -> Nullable<Text>,
        directed_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    difficulty_events (id) {
        id -> BigInt,
        difficulty_id -> BigInt,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        note -> Nullable<Text>,
        actor_user_id -> Nullable<BigInt>,
        actor_name -> Text,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    award_forms (id) {
        id -> BigInt,
        code -> Text,
        version_no -> Integer,
        name -> Text,
        kind -> Text,
        subject_kind -> Text,
        authority -> Text,
        requires_notice -> Bool,
        notice_working_days -> Nullable<Integer>,
        requires_vote -> Bool,
        vote_threshold_percent -> Integer,
        vote_threshold_strict -> Bool,
        vote_denominator -> Text,
        individual_multiple -> Nullable<Integer>,
        collective_multiple -> Nullable<Integer>,
        legal_basis -> Text,
        description -> Nullable<Text>,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    base_salaries (id) {
        id -> BigInt,
        amount -> BigInt,
        effective_from -> Date,
        legal_basis -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    number_registers (kind, year) {
        kind -> Text,
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    register_entries (id) {
        id -> BigInt,
        kind -> Text,
        year -> Integer,
        number -> Integer,
        status -> Text,
        purpose -> Text,
        document_date -> Nullable<Date>,
        cancel_reason -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        cancelled_by -> Nullable<BigInt>,
        cancelled_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    commendation_occasions (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        kind -> Text,
        year -> Nullable<Integer>,
        occurs_on -> Nullable<Date>,
        movement_id -> Nullable<BigInt>,
        description -> Nullable<Text>,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    commendation_proposals (id) {
        id -> BigInt,
        unit_id -> BigInt,
        award_form_id -> BigInt,
        commendation_type -> Text,
        occasion_id -> Nullable<BigInt>,
        movement_id -> Nullable<BigInt>,
        year -> Integer,
        title -> Text,
        summary -> Nullable<Text>,
        state -> Text,
        return_reason -> Nullable<Text>,
        notice_starts_at -> Nullable<Timestamp>,
        notice_ends_at -> Nullable<Timestamp>,
        decision_entry_id -> Nullable<BigInt>,
        decided_on -> Nullable<Date>,
        signer_authority -> Nullable<Text>,
        signer_title -> Nullable<Text>,
        signer_name -> Nullable<Text>,
        rejection_reason -> Nullable<Text>,
        forward_entry_id -> Nullable<BigInt>,
        forwarded_on -> Nullable<Date>,
        higher_decision_number -> Nullable<Text>,
        higher_decision_date -> Nullable<Date>,
        awarded_on -> Nullable<Date>,
        search_text -> Text,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    commendation_nominees (id) {
        id -> BigInt,
        proposal_id -> BigInt,
        position -> Integer,
        subject_kind -> Text,
        exemplar_id -> Nullable<BigInt>,
        full_name -> Text,
        job_title -> Nullable<Text>,
        unit_id -> Nullable<BigInt>,
        workplace -> Text,
        member_count -> Nullable<Integer>,
        members_completed -> Nullable<Integer>,
        recognised_initiatives -> Integer,
        achievement -> Text,
        subject_key -> Text,
        review -> Text,
        review_reason -> Nullable<Text>,
        vote_result -> Nullable<Text>,
        outcome -> Text,
        outcome_reason -> Nullable<Text>,
        reward_amount -> Nullable<BigInt>,
    }
}

diesel::table! {
    commendation_events (id) {
        id -> BigInt,
        proposal_id -> BigInt,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Nullable<Text>,
        note -> Nullable<Text>,
        actor_user_id -> Nullable<BigInt>,
        actor_name -> Text,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    commendation_attachments (attachment_id) {
        attachment_id -> BigInt,
        proposal_id -> BigInt,
        kind -> Text,
    }
}

diesel::table! {
    notice_comments (id) {
        id -> BigInt,
        proposal_id -> BigInt,
        nominee_id -> Nullable<BigInt>,
        author_name -> Text,
        contact -> Nullable<Text>,
        body -> Text,
        status -> Text,
        moderation_reason -> Nullable<Text>,
        moderated_by -> Nullable<BigInt>,
        moderated_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    notice_comment_quota (client_key) {
        client_key -> Text,
        comments -> Integer,
        window_started_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    councils (id) {
        id -> BigInt,
        year -> Integer,
        name -> Text,
        established_by -> Nullable<Text>,
        quorum_percent -> Integer,
        quorum_strict -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    council_members (id) {
        id -> BigInt,
        council_id -> BigInt,
        user_id -> BigInt,
        role -> Text,
        title -> Text,
        unit_id -> Nullable<BigInt>,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    council_meetings (id) {
        id -> BigInt,
        council_id -> BigInt,
        subject -> Text,
        meets_at -> Timestamp,
        venue -> Text,
        chair_member_id -> BigInt,
        secretary_member_id -> BigInt,
        status -> Text,
        content -> Nullable<Text>,
        conclusions -> Nullable<Text>,
        minutes_entry_id -> Nullable<BigInt>,
        ended_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    meeting_agenda (meeting_id, proposal_id) {
        meeting_id -> BigInt,
        proposal_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    meeting_attendance (meeting_id, member_id) {
        meeting_id -> BigInt,
        member_id -> BigInt,
        present -> Bool,
        absence_reason -> Nullable<Text>,
    }
}

diesel::table! {
    ballots (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        proposal_id -> BigInt,
        nominee_id -> BigInt,
        status -> Text,
        threshold_percent -> Integer,
        threshold_strict -> Bool,
        denominator -> Text,
        members_total -> Integer,
        members_present -> Integer,
        approve -> Nullable<Integer>,
        reject -> Nullable<Integer>,
        abstain -> Nullable<Integer>,
        result -> Nullable<Text>,
        opened_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    ballot_voters (ballot_id, member_id) {
        ballot_id -> BigInt,
        member_id -> BigInt,
        mode -> Text,
        conflict_declared -> Bool,
    }
}

diesel::table! {
    ballot_choices (id) {
        id -> Text,
        ballot_id -> BigInt,
        choice -> Text,
    }
}

diesel::table! {
    eligibility_rules (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        check_kind -> Text,
        award_form_code -> Nullable<Text>,
        severity -> Text,
        title_code -> Nullable<Text>,
        percent -> Nullable<Integer>,
        strict -> Bool,
        min_count -> Nullable<Integer>,
        discipline_level -> Nullable<Text>,
        legal_basis -> Text,
        active -> Bool,
        position -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    title_records (id) {
        id -> BigInt,
        subject_kind -> Text,
        full_name -> Text,
        unit_id -> Nullable<BigInt>,
        workplace -> Text,
        exemplar_id -> Nullable<BigInt>,
        subject_key -> Text,
        title_code -> Text,
        year -> Integer,
        commendation_type -> Text,
        decision_ref -> Nullable<Text>,
        decided_on -> Nullable<Date>,
        proposal_id -> Nullable<BigInt>,
        source -> Text,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    discipline_records (id) {
        id -> BigInt,
        full_name -> Text,
        unit_id -> Nullable<BigInt>,
        workplace -> Text,
        exemplar_id -> Nullable<BigInt>,
        subject_key -> Text,
        kind -> Text,
        level -> Nullable<Text>,
        starts_on -> Date,
        ends_on -> Nullable<Date>,
        note -> Nullable<Text>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(users -> units (unit_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(exemplars -> units (unit_id));
diesel::joinable!(exemplar_movements -> exemplars (exemplar_id));
diesel::joinable!(exemplar_movements -> movements (movement_id));
diesel::joinable!(initiatives -> exemplars (exemplar_id));
diesel::joinable!(stage_events -> exemplars (exemplar_id));
diesel::joinable!(milestones -> exemplars (exemplar_id));
diesel::joinable!(replications -> exemplars (exemplar_id));
diesel::joinable!(introductions -> units (unit_id));
diesel::joinable!(introduction_exemplars -> introductions (introduction_id));
diesel::joinable!(introduction_exemplars -> exemplars (exemplar_id));
diesel::joinable!(criteria -> criteria_sets (set_id));
diesel::joinable!(evaluations -> exemplars (exemplar_id));
diesel::joinable!(evaluations -> criteria_sets (criteria_set_id));
diesel::joinable!(evaluations -> users (evaluator_user_id));
diesel::joinable!(evaluation_items -> evaluations (evaluation_id));
diesel::joinable!(evaluation_items -> criteria (criterion_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(propagation_activities -> units (unit_id));
diesel::joinable!(propagation_exemplars -> propagation_activities (activity_id));
diesel::joinable!(propagation_exemplars -> exemplars (exemplar_id));
diesel::joinable!(exemplar_publications -> exemplars (exemplar_id));
diesel::joinable!(commendation_publications -> commendation_nominees (nominee_id));
diesel::joinable!(report_submissions -> units (unit_id));
diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(difficulties -> units (unit_id));
diesel::joinable!(difficulty_events -> difficulties (difficulty_id));
diesel::joinable!(commendation_proposals -> units (unit_id));
diesel::joinable!(commendation_proposals -> award_forms (award_form_id));
diesel::joinable!(commendation_proposals -> commendation_occasions (occasion_id));
diesel::joinable!(commendation_nominees -> commendation_proposals (proposal_id));
diesel::joinable!(commendation_events -> commendation_proposals (proposal_id));
diesel::joinable!(commendation_attachments -> attachments (attachment_id));
diesel::joinable!(notice_comments -> commendation_proposals (proposal_id));
diesel::joinable!(council_members -> councils (council_id));
diesel::joinable!(council_members -> users (user_id));
diesel::joinable!(council_meetings -> councils (council_id));
diesel::joinable!(meeting_agenda -> council_meetings (meeting_id));
diesel::joinable!(meeting_agenda -> commendation_proposals (proposal_id));
diesel::joinable!(meeting_attendance -> council_meetings (meeting_id));
diesel::joinable!(meeting_attendance -> council_members (member_id));
diesel::joinable!(ballots -> council_meetings (meeting_id));
diesel::joinable!(ballots -> commendation_nominees (nominee_id));
diesel::joinable!(ballot_voters -> ballots (ballot_id));
diesel::joinable!(ballot_voters -> council_members (member_id));

diesel::allow_tables_to_appear_in_same_query!(
    units,
    users,
    sessions,
    refresh_tokens,
    service_accounts,
    audit_log,
    settings,
    movements,
    exemplars,
    exemplar_movements,
    initiatives,
    stage_events,
    nurturing_plans,
    milestones,
    summaries,
    replications,
    introductions,
    introduction_exemplars,
    criteria_sets,
    criteria,
    evaluations,
    evaluation_items,
    attachments,
    notifications,
    propagation_activities,
    propagation_exemplars,
    exemplar_publications,
    commendation_publications,
    award_forms,
    base_salaries,
    number_registers,
    register_entries,
    commendation_occasions,
    commendation_proposals,
    commendation_nominees,
    commendation_events,
    commendation_attachments,
    notice_comments,
    notice_comment_quota,
    councils,
    council_members,
    council_meetings,
    meeting_agenda,
    meeting_attendance,
    ballots,
    ballot_voters,
    ballot_choices,
    eligibility_rules,
    title_records,
    discipline_records,
);
diesel::allow_tables_to_appear_in_same_query!(report_submissions, units);
diesel::allow_tables_to_appear_in_same_query!(report_submissions, users);
diesel::allow_tables_to_appear_in_same_query!(webhook_deliveries, webhook_subscriptions);
diesel::allow_tables_to_appear_in_same_query!(difficulties, units);
diesel::allow_tables_to_appear_in_same_query!(difficulties, difficulty_events);
diesel::allow_tables_to_appear_in_same_query!(difficulties, exemplars);

// Reports written in Lan Tỏa (figures, narrative, frozen snapshot).

diesel::table! {
    reports (id) {
        id -> BigInt,
        kind -> Text,
        unit_id -> Nullable<BigInt>,
        period -> Text,
        period_from -> Date,
        period_to -> Date,
        title -> Text,
        achievements -> Text,
        shortcomings -> Text,
        causes -> Text,
        lessons -> Text,
        directions -> Text,
        recommendations -> Text,
        submission_id -> Nullable<BigInt>,
        figures -> Nullable<Text>,
        frozen_at -> Nullable<Timestamp>,
        created_by -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}
diesel::allow_tables_to_appear_in_same_query!(reports, units);
diesel::allow_tables_to_appear_in_same_query!(reports, report_submissions);

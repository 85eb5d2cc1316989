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

diesel::joinable!(users -> units (unit_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));

diesel::allow_tables_to_appear_in_same_query!(units, users, sessions, refresh_tokens, service_accounts, audit_log);

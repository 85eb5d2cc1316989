DROP TABLE difficulty_events;
DROP TABLE difficulties;
DROP TABLE webhook_deliveries;
DROP TABLE webhook_subscriptions;
DROP TABLE email_outbox;
DROP TABLE reminder_claims;
DROP TABLE report_submissions;
DELETE FROM settings WHERE key IN ('calendar', 'public_holidays', 'demo_calendar_2026');

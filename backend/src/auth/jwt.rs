//! Access tokens: HS256 JWTs with every registered claim validated and the algorithm pinned.
//! Times come from the application's clock: tokens are issued at its time, and `exp`/`nbf` are
//! checked against it here (jsonwebtoken would read the system time), with the same leeway.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::roles::Role;
use crate::error::{AppError, ErrorCode};

pub const ISSUER: &str = "lantoa";
pub const AUDIENCE: &str = "lantoa-api";
const ALGORITHM: Algorithm = Algorithm::HS256;
/// Seconds of clock difference tolerated on `exp` and `nbf`.
pub const LEEWAY_SECS: i64 = 30;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    /// `user:<id>` or `service:<id>`.
    pub sub: String,
    pub role: Role,
    /// The principal's unit, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<i64>,
    /// The login session (refresh-token family) this token belongs to; revoking it ends the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<i64>,
    /// Space-separated scopes of a service account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The generation of the service account's secret the token was issued for; rotating the
    /// secret ends every token of an earlier generation.
    #[serde(rename = "gen", default, skip_serializing_if = "Option::is_none")]
    pub generation: Option<i64>,
    pub iss: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
    pub nbf: i64,
    pub jti: String,
}

/// Who a token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    User(i64),
    Service(i64),
}

impl Subject {
    pub fn encode(self) -> String {
        match self {
            Subject::User(id) => format!("user:{id}"),
            Subject::Service(id) => format!("service:{id}"),
        }
    }

    pub fn decode(sub: &str) -> Option<Subject> {
        let (kind, id) = sub.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "user" => Some(Subject::User(id)),
            "service" => Some(Subject::Service(id)),
            _ => None,
        }
    }
}

/// What an access token says about its holder.
#[derive(Debug, Clone)]
pub struct Grant {
    pub subject: Subject,
    pub role: Role,
    pub unit: Option<i64>,
    /// The login session (people).
    pub sid: Option<i64>,
    /// Scopes (service accounts).
    pub scope: Option<String>,
    /// The secret generation (service accounts).
    pub generation: Option<i64>,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl_secs: i64,
}

pub struct IssuedToken {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

impl JwtKeys {
    pub fn new(secret: &[u8], access_ttl_secs: i64) -> Self {
        let mut validation = Validation::new(ALGORITHM);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iat", "iss", "aud", "sub"]);
        // Checked in `verify` against the application's clock; presence is still required above.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.leeway = 0;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl_secs,
        }
    }

    pub fn issue(&self, grant: Grant, now: DateTime<Utc>) -> Result<IssuedToken, AppError> {
        let Grant {
            subject,
            role,
            unit,
            sid,
            scope,
            generation,
        } = grant;
        let expires_at = now + chrono::Duration::seconds(self.access_ttl_secs);
        let claims = Claims {
            sub: subject.encode(),
            role,
            unit,
            sid,
            scope,
            generation,
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            exp: expires_at.timestamp(),
            iat: now.timestamp(),
            nbf: now.timestamp(),
            jti: uuid::Uuid::new_v4().to_string(),
        };
        self.sign(&claims)
            .map(|token| IssuedToken { token, expires_at })
    }

    /// Signs arbitrary claims (tests use it to make expired or foreign tokens).
    pub fn sign(&self, claims: &Claims) -> Result<String, AppError> {
        jsonwebtoken::encode(&Header::new(ALGORITHM), claims, &self.encoding)
            .map_err(AppError::internal)
    }

    /// Checks the signature, algorithm, issuer, audience and required claims, then `exp` and
    /// `nbf` against `now`.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Claims, AppError> {
        let invalid =
            || AppError::new(ErrorCode::InvalidToken).with_detail("Mã truy cập không hợp lệ.");
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| invalid())?
            .claims;
        if claims.jti.is_empty() || Subject::decode(&claims.sub).is_none() {
            return Err(invalid());
        }
        check_window(claims.nbf, claims.exp, now)?;
        Ok(claims)
    }
}

/// A token's `nbf` and `exp` against `now`, with the leeway (also checked on every use of a
/// token verified earlier).
pub fn check_window(nbf: i64, exp: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let now = now.timestamp();
    if nbf > now.saturating_add(LEEWAY_SECS) {
        return Err(AppError::new(ErrorCode::InvalidToken).with_detail("Mã truy cập không hợp lệ."));
    }
    if exp < now.saturating_sub(LEEWAY_SECS) {
        return Err(AppError::new(ErrorCode::TokenExpired)
            .with_detail("Phiên đăng nhập đã hết hạn, vui lòng làm mới hoặc đăng nhập lại."));
    }
    Ok(())
}

//! Publicity ("tuyên truyền, nhân rộng", sections II and III of the plan): the propagation log of
//! what units did to make exemplars known, the Office's publication of exemplars on the public
//! portal (with the subject's consent), ready-to-post share kits with a rendered card, and the
//! public portal itself (gallery, detail, images, Atom feed, embeddable list), which serves
//! nothing that is not published.

pub mod department;
pub mod portal;
pub mod propagation;
pub mod publication;
pub mod settings;
pub mod share;

pub use settings::PublicitySettings;

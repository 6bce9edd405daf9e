use clap::Args;
#[derive(Debug, Args)]
pub struct QueryArgs {}
pub fn run(_a: &QueryArgs) -> anyhow::Result<bool> { Ok(true) }

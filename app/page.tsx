export default function Home() {
  return <main><h1>Knotwise</h1></main>;
}

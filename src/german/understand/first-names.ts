/**
 * Common first names in German-speaking countries (folded spelling). Used to tell "Petra Freitag"
 * (a person) from "Freitag" (a day), and to split "Maria Schmidt" into first and last name.
 */
const NAMES = `
adam adrian agnes albert alexander alexandra alfred ali alice alina alma amelie amir ana andrea andreas angela angelika anja
anke anna annabell anne annegret anneliese annette anni anton antonia arne arthur astrid axel barbara bastian beate ben benedikt
benjamin bernd bernhard bettina bianca birgit bjoern brigitte britta bruno burak can carina carl carla carlotta carmen carolin caroline
charlotte chiara christa christian christiane christina christine christoph christopher clara claudia cornelia corinna dagmar damian daniel
daniela david dennis detlef diana dieter dirk dominik doris dorothea edith elena elias elif elisabeth elke ella ellen elli emil emilia
emily emma erik erika ernst esther eva fabian felix finn florian franz franziska frank frieda friedrich frida fritz gabi gabriele georg
gerda gerhard gisela greta gudrun guenter guenther hanna hannah hannelore hans harald heidi heike heinrich heinz helena helene helga helmut
henning henri henrik henry herbert hildegard holger horst ida ilse ina inge ingeborg ingrid irene iris isabel isabella jakob jan jana
janina jannik jasmin jens jessica joachim johanna johannes jonas jonathan josef josefine julia julian juliane jutta kai karin karina
karl karla karsten katharina kathrin katja katrin kerstin kevin kim klaus konstantin kristina lara laura lea lena leni leo leon leonie
lina linda lisa lotta lotte louis luca lucas luis luisa luise lukas luna lydia magdalena maja manfred manuel manuela marc marcel marco
marcus margarete margit maria marie marika mario marion marius mark markus marlene marta martha martin martina mathias matthias max
maximilian maya melanie merle mia michael michaela milan mila mira miriam monika moritz nadine nadja natalie nico nicole niklas nils
nina noah nora norbert olaf ole oliver oskar pascal patricia patrick paul paula peter petra philipp pia rainer ralf ralph regina
reinhard renate rene robert robin roland rolf rosa rosemarie ruth sabine sabrina sandra sara sarah sascha sebastian selin silke simon
simone sofia sonja sophia sophie stefan stefanie steffen stephan stephanie susanne svenja sven sybille tanja theo theresa thomas
thorsten tim timo tina tobias tom tommy torsten uli ulla ulrich ulrike ursula uta ute uwe valentin vanessa vera verena viktoria
volker walter werner wilhelm willi wolfgang yannick yasemin yvonne zoe
aylin ayse anett annett antje baerbel benno berit carsten chantal cindy conny cosima dana danny dario denise
dilara doreen egon elfriede emre enrico evelyn fatma gitte gregor grit hasan heidrun heiko helen ilona ingo irina ivana jacqueline
jaqueline jennifer jenny jochen joerg juergen justin karola katarina kathleen kay klara kurt leyla lilli lilly ludwig maik mandy
manja marianne marvin mehmet meike melina milena mike mirko murat mustafa nancy natascha nele nicola nicolas olga peggy
rebecca ricarda rita ronny sandy silvia sindy steffi svetlana sylvia tamara tatjana till tino ulf undine
valentina vincent waltraud wiebke yusuf deniz
`;

/** Folded first names. */
const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/** True when the folded word is a common first name. */
export function isFirstName(folded: string): boolean {
  return FIRST_NAMES.has(folded);
}
